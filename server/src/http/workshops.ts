/** /api/workshops — create a workshop (boards + links), read it with a token, name its themes per language. */
import { Hono } from 'hono';
import { z } from 'zod';
import { Role, STANDING_THEMES } from '@plenary/shared';
import { themeNamesBody } from '@plenary/shared/themes/body';
import type { AppDeps } from './deps.ts';
import type { Workshop } from '../workshops/workshop.ts';
import { authorize, requireFacilitator } from './caller.ts';
import { ApiError } from './errors.ts';
import { Callers, describeRoute } from './openapi/describe.ts';

const city = z.object({
  en: z.string().trim().min(1).max(120),
  native: z.string().max(120).optional(),
  country: z.string().max(120).optional(),
  lang: z.string().max(35).optional()
});
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

const createBody = z.object({
  title: z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  themes: z
    .array(z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'))
    .min(1, 'must list at least one theme')
    .max(40, 'must list at most 40 themes')
    .optional(),
  hostCity: city.optional(),
  cities: z.array(city).max(200).optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional()
});

const create = describeRoute({
  tag: 'workshops',
  summary: 'Create a workshop: its boards (a theme each), its links and its join code',
  description: 'Without `themes`, the standing themes. Who may create, and how often: ORGANIZER_KEY, or the local network (docs/SECURITY.md).',
  callers: Callers.organiser,
  body: createBody,
  answers: { 201: '`{ id, title, boards: [{ id, theme }], tokens: { facilitator, delegate, observer }, joinCode }`.' },
  errors: { 400: '`endDate` is before `startDate`.' }
});
const read = describeRoute({
  tag: 'workshops',
  summary: "A workshop as the token's role sees it",
  callers: Callers.token,
  answers: { 200: '`{ id, title, hostCity, cities, startDate, endDate, boards, role, joinCode }`, and `tokens` (every link) for a facilitator.' }
});
const themeNames = describeRoute({
  tag: 'workshops',
  summary: "Name a board's theme in some of the twelve languages",
  description:
    'Each language given replaces its name; an empty name removes it (readers then see the standing name, or the theme as created); languages not given keep theirs.',
  callers: Callers.facilitator,
  body: themeNamesBody,
  answers: { 200: '`{ board: { id, theme, names } }`.' },
  errors: { 404: '`boardId` is not a board of this workshop.' }
});

export const workshopRoutes = ({ workshops, signer, config }: AppDeps) => {
  const ttl = config.TOKEN_TTL_DAYS * 86_400;
  const linksOf = (w: Workshop) => ({
    facilitator: signer.sign(w.id, Role.facilitator, w.generations.facilitator, ttl),
    delegate: signer.sign(w.id, Role.delegate, w.generations.delegate, ttl),
    observer: signer.sign(w.id, Role.observer, w.generations.observer, ttl)
  });

  return (
    new Hono()
      .post('/', create, async (c) => {
        // Who may create, and how often, is checked before this by http/limits/workshop-creation.ts.
        const body = await create.body(c);
        if (body.startDate && body.endDate && body.endDate < body.startDate) throw new ApiError(400, 'endDate: must not be before startDate', 'endDate');
        const workshop = await workshops.create({ ...body, themes: body.themes ?? [...STANDING_THEMES] });
        return c.json({ id: workshop.id, title: workshop.title, boards: workshop.boards, tokens: linksOf(workshop), joinCode: workshop.joinCode }, 201);
      })
      .get('/:id', read, async (c) => {
        const { workshop, role } = authorize(signer, c, await workshops.get(c.req.param('id')));
        const { id, title, hostCity, cities, startDate, endDate, boards, joinCode } = workshop;
        return c.json({
          id,
          title,
          hostCity: hostCity ?? null,
          cities,
          startDate: startDate ?? null,
          endDate: endDate ?? null,
          boards,
          role,
          // Observers too: present mode shows the code on the projector for people to join.
          joinCode,
          ...(role === Role.facilitator ? { tokens: linksOf(workshop) } : {})
        });
      })
      /** A facilitator names a board's theme in some of the twelve languages (an empty name removes one). */
      .put('/:id/boards/:boardId/names', themeNames, async (c) => {
        const caller = authorize(signer, c, await workshops.get(c.req.param('id')));
        requireFacilitator(caller, 'rename themes');
        const boardId = c.req.param('boardId');
        if (!caller.workshop.boards.some((b) => b.id === boardId)) throw new ApiError(404, 'boardId: not a board of this workshop', 'boardId');
        const { names } = await themeNames.body(c);
        const next = await workshops.setThemeNames(caller.workshop.id, boardId, names as Record<string, string>);
        if (!next) throw new ApiError(404, 'boardId: not a board of this workshop', 'boardId');
        return c.json({ board: next.boards.find((b) => b.id === boardId) });
      })
  );
};
