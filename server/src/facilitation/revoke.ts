/**
 * Re-issuing a role's links. The new generation is kept in the workshop record (HTTP checks) and
 * written into the workshop's control document, which every instance serving the workshop has
 * loaded: each one then closes its open connections that still use an older token (4403).
 */
import { CloseCode, type Role } from '@plenary/shared/protocol';
import type { Connection } from '../sync/connection.ts';
import type { WorkshopRepository } from '../workshops/repository.ts';
import type { Workshop } from '../workshops/workshop.ts';
import type { ControlDocs } from './control-docs.ts';

export type RevokeRole = (workshopId: string, role: Role) => Promise<Workshop>;

export const createRevokeRole =
  (workshops: WorkshopRepository, control: ControlDocs): RevokeRole =>
  async (workshopId, role) => {
    const next = await workshops.bumpGeneration(workshopId, role);
    await control.withControl(workshopId, (doc) => doc.getMap('meta').set('generations', { ...next.generations }));
    return next;
  };

/** Closes this instance's connections of a workshop whose token generation is no longer current. */
export const closeRevoked = (connections: Connection[], workshopId: string, generations: unknown): number => {
  if (!generations || typeof generations !== 'object') return 0;
  const current = generations as Partial<Record<Role, number>>;
  let closed = 0;
  for (const conn of connections) {
    const generation = current[conn.info.role];
    if (conn.info.workshopId !== workshopId || generation === undefined || conn.info.generation === generation) continue;
    conn.close(CloseCode.tokenRevoked, 'the link was re-issued');
    closed++;
  }
  return closed;
};
