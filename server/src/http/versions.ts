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
import { saveVersionBody } from '@plenary/shared/versions/body';
import type { AppDeps } from './deps.ts';
import { createParticipants } from '../facilitation/participants.ts';
import { authorize, requireFacilitator, type Caller } from './caller.ts';
import { ApiError } from './errors.ts';
import { Callers, describeRoute } from './openapi/describe.ts';

const NO_VERSION = 'No such version of this board (`field`: versionId).';

const history = describeRoute({
  tag: 'versions',
  summary: "A board's saved versions, newest first",
  callers: Callers.token,
  answers: { 200: '`{ versions }`.' }
});
const save = describeRoute({
  tag: 'versions',
  summary: 'Save the board now as a named version',
  callers: Callers.facilitator,
  body: saveVersionBody,
  answers: { 201: '`{ version }`.' }
});
const open = describeRoute({
  tag: 'versions',
  summary: "A saved version's snapshot (read-only view)",
  callers: Callers.token,
  answers: { 200: '`{ version, snapshot }`: the board as the public JSON format (docs/SCHEMA.md).' },
  errors: { 404: NO_VERSION }
});
const diff = describeRoute({
  tag: 'versions',
  summary: 'A saved version compared with the board now',
  callers: Callers.token,
  answers: { 200: '`{ version, diff, then, now }`: `diff` goes from the version to now (cards added, removed, moved, changed).' },
  errors: { 404: NO_VERSION }
});
const restore = describeRoute({
  tag: 'versions',
  summary: 'Restore a saved version on the live board',
  description: 'The board as it was is saved first as a "before restore" version: restoring that one undoes the restore.',
  callers: Callers.facilitator,
  answers: { 200: '`{ restored, before, undoVersionId, changes }`.' },
  errors: { 404: NO_VERSION }
});

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
    .get('/boards/:id/versions', history, async (c) => {
      const { boardId } = await callerOf(c);
      return c.json({ versions: await versions.list(boardId) });
    })
    .post('/boards/:id/versions', save, async (c) => {
      const { caller, boardId } = await callerOf(c);
      requireFacilitator(caller, 'save versions');
      const { label } = await save.body(c);
      const version = await versions.save(boardId, { label, author: await authorOf(caller) });
      return c.json({ version }, 201);
    })
    .get('/boards/:id/versions/:vid', open, async (c) => {
      const { boardId } = await callerOf(c);
      const found = await versions.get(boardId, c.req.param('vid'));
      if (!found) throw notFound();
      return c.json(found);
    })
    .get('/boards/:id/versions/:vid/diff', diff, async (c) => {
      const { boardId } = await callerOf(c);
      const found = await versions.diff(boardId, c.req.param('vid'));
      if (!found) throw notFound();
      return c.json(found);
    })
    .post('/boards/:id/versions/:vid/restore', restore, async (c) => {
      const { caller, boardId } = await callerOf(c);
      requireFacilitator(caller, 'restore versions');
      const result = await versions.restore(boardId, c.req.param('vid'), await authorOf(caller));
      if (!result) throw notFound();
      return c.json({ restored: result.restored, before: result.before, undoVersionId: result.before.id, changes: result.changes });
    });
};
