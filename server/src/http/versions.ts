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
import { Role } from '@plenary/shared/protocol';
import { saveVersionBody } from '@plenary/shared/versions';
import type { AppDeps } from '../app.ts';
import { checkAccess, tokenFrom, type Access } from '../auth/access.ts';
import { createParticipants } from '../facilitation/participants.ts';
import { createBoardVersions, type BoardVersions } from '../versions/index.ts';
import type { Workshop } from '../workshops/workshop.ts';
import { ApiError, badRequest } from './errors.ts';

export type VersionDeps = AppDeps & {
  /** The process's versions service (shared with lock, timer and hourly versions); made here if absent. */
  versions?: BoardVersions;
};

type Granted = Extract<Access, { ok: true }>;

export const versionRoutes = (deps: VersionDeps) => {
  const versions = deps.versions ?? createBoardVersions(deps.store, deps.control);
  const participants = createParticipants(deps.store);

  /** The board's workshop and the caller's access; the same 401/403 as the other board routes. */
  const callerOf = async (c: Context): Promise<{ workshop: Workshop; access: Granted; boardId: string }> => {
    const boardId = c.req.param('id') ?? '';
    const token = tokenFrom(c.req.header('authorization'), new URL(c.req.url));
    const workshop = await deps.workshops.workshopOfBoard(boardId);
    if (!workshop) throw new ApiError(token ? 403 : 401, token ? 'token: does not open this workshop' : 'token: missing', 'token');
    const access = checkAccess(deps.signer, token, workshop);
    if (!access.ok) throw new ApiError(access.status, `token: ${access.reason}`, 'token');
    return { workshop, access, boardId };
  };
  const requireFacilitator = (access: Granted, action: string) => {
    if (access.role !== Role.facilitator) throw new ApiError(403, `only a facilitator may ${action}`);
  };
  const authorOf = async (access: Granted): Promise<string> => {
    const person = access.claims.p ? await participants.get(access.claims.p) : null;
    return person?.name ?? access.role;
  };
  const notFound = () => new ApiError(404, 'versionId: no such version of this board', 'versionId');

  return new Hono()
    .get('/boards/:id/versions', async (c) => {
      const { boardId } = await callerOf(c);
      return c.json({ versions: await versions.list(boardId) });
    })
    .post('/boards/:id/versions', async (c) => {
      const { access, boardId } = await callerOf(c);
      requireFacilitator(access, 'save versions');
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        throw new ApiError(400, 'body: malformed JSON', 'body');
      }
      const parsed = saveVersionBody.safeParse(body);
      if (!parsed.success) throw badRequest(parsed.error.issues);
      const version = await versions.save(boardId, { label: parsed.data.label, author: await authorOf(access) });
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
      const { access, boardId } = await callerOf(c);
      requireFacilitator(access, 'restore versions');
      const result = await versions.restore(boardId, c.req.param('vid'), await authorOf(access));
      if (!result) throw notFound();
      return c.json({ restored: result.restored, before: result.before, undoVersionId: result.before.id, changes: result.changes });
    });
};
