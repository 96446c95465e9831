/** POST /workshops/:id/rounds, …/rounds/:rid/close, …/rounds/:rid/reveal — the facilitator runs dot voting. */
import { Hono } from 'hono';
import { roundBody } from '@plenary/shared/control';
import type { Lane } from '@plenary/shared/schema';
import { callerOf, parseBody, requireBoard, requireFacilitator, type FacilitationDeps } from './context.ts';

export const roundRoutes = (deps: FacilitationDeps) =>
  new Hono()
    .post('/:id/rounds', async (c) => {
      const caller = await callerOf(deps, c);
      requireFacilitator(caller, 'open a voting round');
      const body = await parseBody(c, roundBody);
      requireBoard(caller.workshop, body.boardId);
      const round = await deps.rounds.open(caller.workshop.id, { ...body, lane: body.lane as Lane });
      return c.json({ round }, 201);
    })
    .post('/:id/rounds/:rid/close', async (c) => {
      const caller = await callerOf(deps, c);
      requireFacilitator(caller, 'close a voting round');
      return c.json({ round: await deps.rounds.close(caller.workshop.id, c.req.param('rid')) });
    })
    .post('/:id/rounds/:rid/reveal', async (c) => {
      const caller = await callerOf(deps, c);
      requireFacilitator(caller, 'reveal a voting round');
      return c.json({ tallies: await deps.rounds.reveal(caller.workshop.id, c.req.param('rid')) });
    });
