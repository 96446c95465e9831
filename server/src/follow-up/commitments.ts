/**
 * Commitments: agreed actions frozen. When the facilitator closes the workshop every action that
 * is agreed — by the one agreement rule, shared/src/control/verdict.ts, read from the control
 * document's consent records — becomes a commitment; a facilitator may also mark a single agreed
 * action final before that. A commitment is written once and never changed: later edits to the
 * board do not reach it, and freezing it again keeps the first copy.
 */
import { readConsentScope, readControl, verdictFromRecords, VerdictState, type ConsentVerdict } from '@plenary/shared/control';
import { FrozenBy, type Commitment } from '@plenary/shared/follow-up';
import { CardKind, Lane, readBoard, type ActionCard } from '@plenary/shared/schema';
import type { ServerDocs } from '../documents/server-docs.ts';
import { Refusal, RefusalKind } from '../lib/refusal.ts';
import type { Workshop } from '../workshops/workshop.ts';
import type { FollowUpRecords } from './records.ts';

/** The cities asked under the `workshop` scope: host city first, then the participating cities. */
const workshopCities = (w: Workshop): string[] => {
  const list = w.cities.map((c) => c.en);
  return w.hostCity && !list.includes(w.hostCity.en) ? [w.hostCity.en, ...list] : list;
};

export const commitmentId = (boardId: string, actionId: string): string => `${boardId}.${actionId}`;

const freezeAction = (
  board: { id: string; themeKey: string; title: string },
  action: ActionCard,
  verdict: ConsentVerdict,
  by: FrozenBy,
  at: string
): Commitment => ({
  id: commitmentId(board.id, action.id),
  boardId: board.id,
  actionId: action.id,
  themeKey: board.themeKey,
  theme: board.title,
  title: action.title,
  objective: action.objective,
  leadCity: action.leadCity ?? '',
  partnerCities: [...action.partnerCities],
  startDate: action.startDate,
  endDate: action.endDate,
  milestones: action.milestones.map((m) => ({ id: m.id, date: m.date, text: m.text })),
  indicators: action.indicators.map((i) => ({ id: i.id, indicator: i.indicator, target: i.target })),
  resources: action.resources,
  responsibleOfficer: action.responsibleOfficer,
  lang: action.lang,
  endorsed: verdict.endorsed,
  reservations: verdict.reservations,
  frozenAt: at,
  frozenBy: by
});

interface AgreedAction {
  board: { id: string; themeKey: string; title: string };
  action: ActionCard;
  verdict: ConsentVerdict;
}

export const createCommitments = (docs: ServerDocs, records: FollowUpRecords) => {
  /** Every action of the agreed lane with its verdict, board by board. */
  const actionsOf = async (workshop: Workshop, only?: { boardId: string }): Promise<AgreedAction[]> => {
    // Fresh: a consent answer given on another instance a moment ago counts.
    const { consent, scope } = await docs.readControl(workshop.id, (doc) => ({ consent: readControl(doc).consent, scope: readConsentScope(doc) }), {
      fresh: true
    });
    const cities = workshopCities(workshop);
    const out: AgreedAction[] = [];
    for (const ref of workshop.boards) {
      if (only && ref.id !== only.boardId) continue;
      const snapshot = await docs.readBoard(ref.id, readBoard, { fresh: true });
      const board = { id: ref.id, themeKey: snapshot.board.theme || ref.theme, title: snapshot.board.title || ref.theme };
      for (const card of snapshot.cards) {
        if (card.kind !== CardKind.action || card.lane !== Lane.agreed) continue;
        out.push({ board, action: card, verdict: verdictFromRecords(card, ref.id, consent, scope, cities) });
      }
    }
    return out;
  };

  return {
    /** Freezes every agreed action of the workshop; returns the commitments (new and earlier ones). */
    async freezeAgreed(workshop: Workshop, by: FrozenBy, at = new Date().toISOString()): Promise<Commitment[]> {
      const agreed = (await actionsOf(workshop)).filter((a) => a.verdict.state === VerdictState.agreed);
      for (const a of agreed) await records.freeze(workshop.id, freezeAction(a.board, a.action, a.verdict, by, at));
      return records.commitments(workshop.id);
    },
    /** Freezes one action, refused (409) unless it is agreed; an action frozen before stays as it was. */
    async freezeOne(workshop: Workshop, boardId: string, actionId: string): Promise<Commitment> {
      if (!workshop.boards.some((b) => b.id === boardId)) throw new Refusal(RefusalKind.notFound, 'boardId: not a board of this workshop', 'boardId');
      const found = (await actionsOf(workshop, { boardId })).find((a) => a.action.id === actionId);
      if (!found) throw new Refusal(RefusalKind.notFound, 'actionId: no action of the agreed lane on this board', 'actionId');
      const { verdict } = found;
      if (verdict.state !== VerdictState.agreed) {
        const why =
          verdict.state === VerdictState.noLead
            ? 'it has no lead city'
            : verdict.state === VerdictState.objected
              ? `objected by ${verdict.objections.map((o) => o.city).join(', ')}`
              : `awaiting ${verdict.missing.join(', ')}`;
        throw new Refusal(RefusalKind.conflict, `only an agreed action becomes a commitment: this one is not agreed (${why})`);
      }
      return records.freeze(workshop.id, freezeAction(found.board, found.action, verdict, FrozenBy.final, new Date().toISOString()));
    }
  };
};
export type Commitments = ReturnType<typeof createCommitments>;
