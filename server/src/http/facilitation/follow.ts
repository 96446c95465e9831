/** PUT / DELETE /workshops/:id/follow — "follow me": the board, lane or card the facilitator is showing. */
import { Hono } from 'hono';
import { followBody, writeFollow, type Follow } from '@plenary/shared/control';
import type { Lane } from '@plenary/shared/schema';
import { callerOf, parseBody, requireBoard, requireFacilitator, type FacilitationDeps } from './context.ts';

export const followRoutes = (deps: FacilitationDeps) =>
  new Hono()
    .put('/:id/follow', async (c) => {
      const caller = await callerOf(deps, c);
      requireFacilitator(caller, 'lead follow-me');
      const body = await parseBody(c, followBody);
      requireBoard(caller.workshop, body.boardId);
      const follow: Follow = {
        boardId: body.boardId,
        ...(body.lane ? { lane: body.lane as Lane } : {}),
        ...(body.cardId ? { cardId: body.cardId } : {}),
        at: new Date().toISOString()
      };
      await deps.control.withControl(caller.workshop.id, (doc) => writeFollow(doc, follow));
      return c.json({ follow });
    })
    .delete('/:id/follow', async (c) => {
      const caller = await callerOf(deps, c);
      requireFacilitator(caller, 'stop follow-me');
      await deps.control.withControl(caller.workshop.id, (doc) => writeFollow(doc, null));
      return c.json({ follow: null });
    });
