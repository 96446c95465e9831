/**
 * Re-issuing a role's links. The new generation is kept in the workshop record (checked at every
 * HTTP request and sync upgrade) and written into the workshop's control document, which every
 * instance serving the workshop has loaded: each one then closes its open connections that still
 * use an older token (facilitation/policy.ts).
 */
import { writeControlMeta } from '@plenary/shared/control';
import type { Role } from '@plenary/shared/protocol';
import type { ServerDocs } from '../documents/server-docs.ts';
import type { WorkshopRepository } from '../workshops/repository.ts';
import type { Workshop } from '../workshops/workshop.ts';

export type RevokeRole = (workshopId: string, role: Role) => Promise<Workshop>;

export const createRevokeRole =
  (workshops: WorkshopRepository, docs: ServerDocs): RevokeRole =>
  async (workshopId, role) => {
    const next = await workshops.bumpGeneration(workshopId, role);
    await docs.withControl(workshopId, (doc) => writeControlMeta(doc, workshopId, next.generations));
    return next;
  };
