/**
 * The Plenary server and the built web app for end-to-end tests: checks that `web/build` exists
 * (`pnpm build` makes it), starts a real server on a free port, and offers helpers to create a
 * workshop through the API and to build the links the product hands out.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { workshopSeed } from '@plenary/shared/seed';
import { REPO_ROOT, startServer, type CreatedWorkshop, type PlenaryServer } from '../../utils/server.ts';

export type { CreatedWorkshop, PlenaryServer };

export const WEB_BUILD = path.join(REPO_ROOT, 'web', 'build', '200.html');

export const startAppServer = async (): Promise<PlenaryServer> => {
  if (!existsSync(WEB_BUILD)) throw new Error('web/build is missing: run `pnpm build` first');
  return startServer({ env: { LOG_LEVEL: 'info' } });
};

/** The demo seminar (16 cities, 5 themes) created through the API, as the create form would. */
export const createDemoWorkshop = (server: PlenaryServer, title = workshopSeed.workshop.title): Promise<CreatedWorkshop> => {
  const host = workshopSeed.workshop.host;
  return server.createWorkshop({
    title,
    themes: workshopSeed.themes.map((t) => t.en),
    hostCity: { en: host.city, native: host.native, country: host.country, lang: host.lang },
    cities: workshopSeed.cities,
    startDate: workshopSeed.workshop.dates.start,
    endDate: workshopSeed.workshop.dates.end
  });
};

/** `/w/<id>?token=<token>`: the link printed on slides and mailed. */
export const workshopLink = (workshop: CreatedWorkshop, token: string): string => `/w/${encodeURIComponent(workshop.id)}?token=${encodeURIComponent(token)}`;

export const boardLink = (workshop: CreatedWorkshop, boardId: string, token: string): string =>
  `/w/${encodeURIComponent(workshop.id)}/b/${encodeURIComponent(boardId)}?token=${encodeURIComponent(token)}`;
