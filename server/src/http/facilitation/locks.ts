/**
 * PUT /workshops/:id/locks/:boardId and POST /workshops/:id/locks — lock boards (delegates' edits
 * are then refused by the sync endpoint) or unlock them; facilitation/locks.ts owns what a lock does.
 */
import { Hono } from 'hono';
import { lockBody, locksBody } from '@plenary/shared/control/schemas';
import { ApiError } from '../errors.ts';
import { Callers, describeRoute } from '../openapi/describe.ts';
import { callerName, callerOf, requireBoard, requireFacilitator, type FacilitationCaller, type FacilitationDeps } from './context.ts';

const lockOne = describeRoute({
  tag: 'facilitation',
  summary: 'Lock or unlock one board',
  description: "While a board is locked, the sync endpoint refuses delegates' edits.",
  callers: Callers.facilitator,
  body: lockBody,
  answers: { 200: '`{ locks }`: every board of the workshop, locked or not.' },
  errors: { 404: '`boardId` is not a board of this workshop.' }
});
const lockMany = describeRoute({
  tag: 'facilitation',
  summary: 'Lock or unlock several boards at once',
  callers: Callers.facilitator,
  body: locksBody,
  answers: { 200: '`{ locks }`: every board of the workshop, locked or not.' },
  errors: { 400: 'A board is not of this workshop (`field`: boardIds.N).' }
});

const setLocks = async (deps: FacilitationDeps, caller: FacilitationCaller, boardIds: string[], locked: boolean) =>
  deps.locks.set(caller.workshop.id, boardIds, locked, await callerName(deps, caller));

export const lockRoutes = (deps: FacilitationDeps) =>
  new Hono()
    .put('/:id/locks/:boardId', lockOne, async (c) => {
      const caller = await callerOf(deps, c);
      requireFacilitator(caller, 'lock or unlock boards');
      const boardId = c.req.param('boardId');
      if (!caller.workshop.boards.some((b) => b.id === boardId)) throw new ApiError(404, 'boardId: not a board of this workshop', 'boardId');
      const { locked } = await lockOne.body(c);
      return c.json({ locks: await setLocks(deps, caller, [boardId], locked) });
    })
    .post('/:id/locks', lockMany, async (c) => {
      const caller = await callerOf(deps, c);
      requireFacilitator(caller, 'lock or unlock boards');
      const body = await lockMany.body(c);
      body.boardIds.forEach((b, i) => requireBoard(caller.workshop, b, `boardIds.${i}`));
      return c.json({ locks: await setLocks(deps, caller, [...new Set(body.boardIds)], body.locked) });
    });
