/** PUT / DELETE /workshops/:id/follow — "follow me": the board, lane or card the facilitator is showing. */
import { Hono } from 'hono';
import { writeFollow, type Follow } from '@plenary/shared/control';
import { followBody } from '@plenary/shared/control/schemas';
import type { Lane } from '@plenary/shared/schema';
import { Callers, describeRoute } from '../openapi/describe.ts';
import { callerOf, requireBoard, requireFacilitator, type FacilitationDeps } from './context.ts';

const lead = describeRoute({
  tag: 'facilitation',
  summary: 'Follow me: show everyone a board, a lane or a card',
  callers: Callers.facilitator,
  body: followBody,
  answers: { 200: '`{ follow }`.' },
  errors: { 400: '`boardId` is not a board of this workshop.' }
});
const stop = describeRoute({
  tag: 'facilitation',
  summary: 'Stop follow-me',
  callers: Callers.facilitator,
  answers: { 200: '`{ follow: null }`.' }
});

export const followRoutes = (deps: FacilitationDeps) =>
  new Hono()
    .put('/:id/follow', lead, async (c) => {
      const caller = await callerOf(deps, c);
      requireFacilitator(caller, 'lead follow-me');
      const body = await lead.body(c);
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
    .delete('/:id/follow', stop, async (c) => {
      const caller = await callerOf(deps, c);
      requireFacilitator(caller, 'stop follow-me');
      await deps.control.withControl(caller.workshop.id, (doc) => writeFollow(doc, null));
      return c.json({ follow: null });
    });
