/**
 * PUT /workshops/:id/locks/:boardId and POST /workshops/:id/locks — lock boards (delegates' edits
 * are then refused by the sync endpoint) or unlock them; facilitation/locks.ts owns what a lock does.
 */
import { Hono } from 'hono';
import { lockBody, locksBody } from '@plenary/shared/control';
import { ApiError } from '../errors.ts';
import { callerName, callerOf, parseBody, requireBoard, requireFacilitator, type FacilitationCaller, type FacilitationDeps } from './context.ts';

const setLocks = async (deps: FacilitationDeps, caller: FacilitationCaller, boardIds: string[], locked: boolean) =>
  deps.locks.set(caller.workshop.id, boardIds, locked, await callerName(deps, caller));

export const lockRoutes = (deps: FacilitationDeps) =>
  new Hono()
    .put('/:id/locks/:boardId', async (c) => {
      const caller = await callerOf(deps, c);
      requireFacilitator(caller, 'lock or unlock boards');
      const boardId = c.req.param('boardId');
      if (!caller.workshop.boards.some((b) => b.id === boardId)) throw new ApiError(404, 'boardId: not a board of this workshop', 'boardId');
      const { locked } = await parseBody(c, lockBody);
      return c.json({ locks: await setLocks(deps, caller, [boardId], locked) });
    })
    .post('/:id/locks', async (c) => {
      const caller = await callerOf(deps, c);
      requireFacilitator(caller, 'lock or unlock boards');
      const body = await parseBody(c, locksBody);
      body.boardIds.forEach((b, i) => requireBoard(caller.workshop, b, `boardIds.${i}`));
      return c.json({ locks: await setLocks(deps, caller, [...new Set(body.boardIds)], body.locked) });
    });
