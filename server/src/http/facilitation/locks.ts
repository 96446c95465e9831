/**
 * PUT /workshops/:id/locks/:boardId and POST /workshops/:id/locks — lock boards (delegates' edits
 * are then refused by the sync endpoint) or unlock them. The lock that is enforced is the control
 * document's; the board's own `locked` field mirrors it so snapshots and exports tell the truth.
 */
import { Hono } from 'hono';
import { getLocksMap, lockBody, locksBody, writeLock } from '@plenary/shared/control';
import { getMetaMap } from '@plenary/shared/schema';
import { ApiError } from '../errors.ts';
import { callerOf, parseBody, requireBoard, requireFacilitator, type Caller, type FacilitationDeps } from './context.ts';

const setLocks = async (deps: FacilitationDeps, caller: Caller, boardIds: string[], locked: boolean) => {
  const locks = await deps.control.withControl(caller.workshop.id, (doc) => {
    for (const boardId of boardIds) writeLock(doc, boardId, locked);
    return Object.fromEntries(getLocksMap(doc).entries());
  });
  for (const boardId of boardIds) await deps.control.withBoard(boardId, (doc) => getMetaMap(doc).set('locked', locked));
  return locks;
};

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
