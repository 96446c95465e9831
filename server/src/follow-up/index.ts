/**
 * The follow-up after a workshop (docs/FOLLOW-UP.md), built once in services.ts: commitments
 * frozen from agreed actions, city and outcomes links, progress updates, and the outcomes view
 * that the page, the calendar feed and the progress report are made from. Services refuse in
 * their own words (lib/refusal.ts); http/follow-up.ts maps that to HTTP.
 */
import { FrozenBy, commitmentProgress, involvesCity, type OutcomesView } from '@plenary/shared/follow-up';
import { buildProgressReport, renderFollowUpCalendar, type ProgressReport } from '@plenary/shared/follow-up/render';
import type { TokenSigner } from '../auth/tokens.ts';
import type { ServerDocs } from '../documents/server-docs.ts';
import type { Store } from '../persistence/store.ts';
import type { Workshop } from '../workshops/workshop.ts';
import { createCommitments } from './commitments.ts';
import { createFollowUpLinks } from './links.ts';
import { createProgress } from './progress.ts';
import { createFollowUpRecords } from './records.ts';

export type { FollowUpViewer } from './links.ts';
export { FollowUpKeys } from './records.ts';

export interface FollowUpDeps {
  store: Store;
  docs: ServerDocs;
  signer: TokenSigner;
}

export const createFollowUp = ({ store, docs, signer }: FollowUpDeps) => {
  const records = createFollowUpRecords(store);
  const commitments = createCommitments(docs, records);
  const links = createFollowUpLinks(signer, records);
  const progress = createProgress(records);

  /** Everything public about the follow-up: no votes, no tokens, nothing about the participants (the plan's own text only). */
  const view = async (workshop: Workshop, viewer: OutcomesView['viewer']): Promise<OutcomesView> => {
    const [state, list, updates] = await Promise.all([records.state(workshop.id), records.commitments(workshop.id), records.updates(workshop.id)]);
    const city = (c: { en: string; native?: string; lang?: string }) => ({
      en: c.en,
      ...(c.native ? { native: c.native } : {}),
      ...(c.lang ? { lang: c.lang } : {})
    });
    return {
      workshop: {
        id: workshop.id,
        title: workshop.title,
        hostCity: workshop.hostCity ? city(workshop.hostCity) : null,
        cities: workshop.cities.map(city),
        startDate: workshop.startDate ?? null,
        endDate: workshop.endDate ?? null
      },
      closedAt: state.closedAt,
      commitments: list,
      updates,
      viewer
    };
  };

  return {
    links,
    progress,
    view,
    /** Closes the workshop for follow-up: every agreed action is frozen (again closing adds newly agreed ones). */
    async close(workshop: Workshop) {
      const at = new Date().toISOString();
      const list = await commitments.freezeAgreed(workshop, FrozenBy.close, at);
      const state = await records.state(workshop.id);
      if (!state.closedAt) await records.saveState(workshop.id, { ...state, closedAt: at });
      return { closedAt: state.closedAt ?? at, commitments: list };
    },
    markFinal: commitments.freezeOne,
    /** The calendar feed: every commitment, or those a city leads or partners in. */
    async calendar(workshop: Workshop, city?: string, lang?: string): Promise<string> {
      const [list, updates] = await Promise.all([records.commitments(workshop.id), records.updates(workshop.id)]);
      const shown = city ? list.filter((c) => involvesCity(c, city)) : list;
      return renderFollowUpCalendar({
        workshop: { id: workshop.id, title: workshop.title },
        progress: shown.map((c) => commitmentProgress(c, updates)),
        ...(city ? { city } : {}),
        ...(lang ? { lang } : {}),
        now: new Date().toISOString()
      });
    },
    /** The progress report as it stood at the end of `date`, its words in `lang`. */
    async report(workshop: Workshop, date: string, lang?: string): Promise<ProgressReport> {
      const [list, updates] = await Promise.all([records.commitments(workshop.id), records.updates(workshop.id)]);
      return buildProgressReport({
        workshop: {
          id: workshop.id,
          title: workshop.title,
          hostCity: workshop.hostCity?.en ?? null,
          startDate: workshop.startDate ?? null,
          endDate: workshop.endDate ?? null
        },
        commitments: list,
        updates,
        date,
        ...(lang ? { lang } : {})
      });
    }
  };
};
export type FollowUp = ReturnType<typeof createFollowUp>;
