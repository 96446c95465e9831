/** POST /workshops/:id/rounds, …/rounds/:rid/close, …/rounds/:rid/reveal — the facilitator runs dot voting. */
import { Hono } from 'hono';
import { roundBody } from '@plenary/shared/control/schemas';
import type { Lane } from '@plenary/shared/schema';
import { Callers, describeRoute } from '../openapi/describe.ts';
import { callerOf, requireBoard, requireFacilitator, type FacilitationDeps } from './context.ts';

const NO_ROUND = 'No such round in this workshop (`field`: roundId).';

const openRound = describeRoute({
  tag: 'voting',
  summary: "Open a dot-voting round on a board's lane",
  callers: Callers.facilitator,
  body: roundBody,
  answers: { 201: '`{ round }`.' },
  errors: { 400: '`boardId` is not a board of this workshop.', 409: 'The board already has an open round.' }
});
const closeRound = describeRoute({
  tag: 'voting',
  summary: 'Close a round: no more votes',
  callers: Callers.facilitator,
  answers: { 200: '`{ round }`.' },
  errors: { 404: NO_ROUND, 409: 'The round is already closed or revealed.' }
});
const reveal = describeRoute({
  tag: 'voting',
  summary: "Reveal a round's tallies on the board",
  callers: Callers.facilitator,
  answers: { 200: '`{ tallies }`.' },
  errors: { 404: NO_ROUND, 409: 'The round is already revealed.' }
});

export const roundRoutes = (deps: FacilitationDeps) =>
  new Hono()
    .post('/:id/rounds', openRound, async (c) => {
      const caller = await callerOf(deps, c);
      requireFacilitator(caller, 'open a voting round');
      const body = await openRound.body(c);
      requireBoard(caller.workshop, body.boardId);
      const round = await deps.rounds.open(caller.workshop.id, { ...body, lane: body.lane as Lane });
      return c.json({ round }, 201);
    })
    .post('/:id/rounds/:rid/close', closeRound, async (c) => {
      const caller = await callerOf(deps, c);
      requireFacilitator(caller, 'close a voting round');
      return c.json({ round: await deps.rounds.close(caller.workshop.id, c.req.param('rid')) });
    })
    .post('/:id/rounds/:rid/reveal', reveal, async (c) => {
      const caller = await callerOf(deps, c);
      requireFacilitator(caller, 'reveal a voting round');
      return c.json({ tallies: await deps.rounds.reveal(caller.workshop.id, c.req.param('rid')) });
    });
