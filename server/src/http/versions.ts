/**
 * /api/boards/:id/versions — a board's saved versions.
 *   GET    /boards/:id/versions                   any token: the history, newest first
 *   POST   /boards/:id/versions {label}           facilitator: save the board now as a named version (201)
 *   GET    /boards/:id/versions/:vid              any token: the version's snapshot (read-only view)
 *   GET    /boards/:id/versions/:vid/diff         any token: the version compared with now
 *   POST   /boards/:id/versions/:vid/restore      facilitator: restore it live; answers with the id of
 *                                                 the "before restore" version (restoring that undoes it)
 * 401 without a valid token, 403 for another workshop's token or a role that may not act, 400 naming
 * the field, 404 for a version the board does not have.
 */
import { Hono, type Context } from 'hono';
import { saveVersionBody } from '@plenary/shared/versions';
import type { AppDeps } from './deps.ts';
import { createParticipants } from '../facilitation/participants.ts';
import { authorize, parseBody, requireFacilitator, type Caller } from './caller.ts';
import { ApiError } from './errors.ts';

export const versionRoutes = (deps: AppDeps) => {
  const { versions } = deps;
  const participants = createParticipants(deps.store);

  /** The board and its caller; the same 401/403 as the other board routes. */
  const callerOf = async (c: Context): Promise<{ caller: Caller; boardId: string }> => {
    const boardId = c.req.param('id') ?? '';
    return { caller: authorize(deps.signer, c, await deps.workshops.workshopOfBoard(boardId)), boardId };
  };
  const authorOf = async (caller: Caller): Promise<string> => {
    const person = caller.claims.p ? await participants.get(caller.claims.p) : null;
    return person?.name ?? caller.role;
  };
  const notFound = () => new ApiError(404, 'versionId: no such version of this board', 'versionId');

  return new Hono()
    .get('/boards/:id/versions', async (c) => {
      const { boardId } = await callerOf(c);
      return c.json({ versions: await versions.list(boardId) });
    })
    .post('/boards/:id/versions', async (c) => {
      const { caller, boardId } = await callerOf(c);
      requireFacilitator(caller, 'save versions');
      const { label } = await parseBody(c, saveVersionBody);
      const version = await versions.save(boardId, { label, author: await authorOf(caller) });
      return c.json({ version }, 201);
    })
    .get('/boards/:id/versions/:vid', async (c) => {
      const { boardId } = await callerOf(c);
      const found = await versions.get(boardId, c.req.param('vid'));
      if (!found) throw notFound();
      return c.json(found);
    })
    .get('/boards/:id/versions/:vid/diff', async (c) => {
      const { boardId } = await callerOf(c);
      const found = await versions.diff(boardId, c.req.param('vid'));
      if (!found) throw notFound();
      return c.json(found);
    })
    .post('/boards/:id/versions/:vid/restore', async (c) => {
      const { caller, boardId } = await callerOf(c);
      requireFacilitator(caller, 'restore versions');
      const result = await versions.restore(boardId, c.req.param('vid'), await authorOf(caller));
      if (!result) throw notFound();
      return c.json({ restored: result.restored, before: result.before, undoVersionId: result.before.id, changes: result.changes });
    });
};
