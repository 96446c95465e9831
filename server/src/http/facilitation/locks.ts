/**
 * PUT /workshops/:id/locks/:boardId and POST /workshops/:id/locks — lock boards (delegates' edits
 * are then refused by the sync endpoint) or unlock them. The lock that is enforced is the control
 * document's; the board's own `locked` field mirrors it so snapshots and exports tell the truth.
 */
import { Hono } from 'hono';
import { getLocksMap, lockBody, locksBody, writeLock } from '@plenary/shared/control';
import { getMetaMap } from '@plenary/shared/schema';
import { VersionAuto } from '@plenary/shared/versions';
import { AUTO_VERSION_LABEL } from '../../versions/index.ts';
import { ApiError } from '../errors.ts';
import { callerName, callerOf, parseBody, requireBoard, requireFacilitator, type Caller, type FacilitationDeps } from './context.ts';

const setLocks = async (deps: FacilitationDeps, caller: Caller, boardIds: string[], locked: boolean) => {
  const locks = await deps.control.withControl(caller.workshop.id, (doc) => {
    for (const boardId of boardIds) writeLock(doc, boardId, locked);
    return Object.fromEntries(getLocksMap(doc).entries());
  });
  for (const boardId of boardIds) await deps.control.withBoard(boardId, (doc) => getMetaMap(doc).set('locked', locked));
  // A locked board is a moment worth keeping (often the end of a session): save a version of it.
  if (locked) {
    const author = await callerName(deps, caller);
    for (const boardId of boardIds) await deps.versions.save(boardId, { label: AUTO_VERSION_LABEL.lock, auto: VersionAuto.lock, author });
  }
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
