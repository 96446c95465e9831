/**
 * The workshop's rules for the sync core (the seam in sync/policy.ts):
 *   - who connects: a signed token of the board's workshop, checked against the stored link
 *     generations (read fresh at every upgrade, so a link re-issued on another instance is refused
 *     at once, not after a cache expires);
 *   - who stays: a connection whose link generation is stale when it joins, or becomes stale while
 *     it is open (the control document's generations change, on any instance), is closed (4403);
 *   - who writes: observers never; delegates not while the facilitator locks the board; nobody
 *     but the server writes a control document; only facilitators change a board's settings.
 * Everything is read through the shared/control accessors; the lock itself is owned by locks.ts.
 */
import { ControlKey, ControlRoot, getControlMap, isBoardLocked } from '@plenary/shared/control';
import { CloseCode, DenyReason, Role, controlDocName, workshopOfControlDoc } from '@plenary/shared/protocol';
import { NO_ACCESS, checkAccess, tokenFrom } from '../auth/access.ts';
import type { TokenSigner } from '../auth/tokens.ts';
import type { Logger } from '../log.ts';
import { SERVER } from '../sync/origins.ts';
import type { PolicyConnection, PolicyRoom, RoomDirectory, SyncPolicy } from '../sync/policy.ts';
import type { WorkshopRepository } from '../workshops/repository.ts';
import { protectBoardSettings } from './board-settings.ts';

export interface WorkshopPolicyDeps {
  workshops: WorkshopRepository;
  signer: TokenSigner;
  log: Logger;
}

const isPolicyConnection = (origin: unknown): origin is PolicyConnection =>
  typeof origin === 'object' && origin !== null && (origin as { kind?: unknown }).kind === 'connection';

/** The link generations written into a workshop's control document when links are re-issued. */
const generationsOf = (control: PolicyRoom): Partial<Record<Role, number>> =>
  (getControlMap(control.doc, ControlRoot.meta).get(ControlKey.generations) as Partial<Record<Role, number>> | undefined) ?? {};

const isStale = (conn: PolicyConnection, generations: Partial<Record<Role, number>>): boolean => {
  const current = generations[conn.info.role];
  return current !== undefined && current !== conn.info.generation;
};

export const createWorkshopPolicy = ({ workshops, signer, log }: WorkshopPolicyDeps): SyncPolicy => {
  /** The control room each board room keeps loaded (its lock and generations live there). */
  const controlOf = new WeakMap<PolicyRoom, PolicyRoom>();

  /** Closes this instance's connections of a workshop whose link generation is no longer current. */
  const closeStale = (workshopId: string, control: PolicyRoom, rooms: RoomDirectory): void => {
    const generations = generationsOf(control);
    let closed = 0;
    for (const room of rooms.loaded()) {
      for (const conn of [...room.connections]) {
        if (conn.info.scope !== workshopId || !isStale(conn, generations)) continue;
        conn.close(CloseCode.tokenRevoked, 'the link was re-issued');
        closed++;
      }
    }
    if (closed > 0) log.info({ workshop: workshopId, closed }, 'closed connections of re-issued links');
  };

  return {
    // A control document's own generations decide who may join it; a board's join and load checks
    // read its workshop's control document only, so a board can be answered from its stored bytes.
    readsDocument: (roomName) => workshopOfControlDoc(roomName) !== null,

    async authenticate({ boardId, authorization, url }) {
      const workshop = await workshops.workshopOfBoard(boardId, { fresh: true });
      const token = tokenFrom(authorization, url);
      // An unknown board answers like a token that does not open it: ids cannot be probed.
      if (!workshop) return { ok: false, status: NO_ACCESS.status, reason: NO_ACCESS.reason };
      const access = checkAccess(signer, token, workshop);
      if (!access.ok) return { ok: false, status: access.status, reason: access.reason };
      return {
        ok: true,
        identity: {
          scope: workshop.id,
          role: access.role,
          generation: access.generation,
          readOnly: access.role === Role.observer,
          expiresAt: access.claims.exp * 1000
        }
      };
    },

    // A board's control document is read beside the board (a fresh server read a 1.2 MB board's
    // control document after it, 5–8 ms more before the first joiner's answer on Redis).
    beforeLoad(roomName, rooms) {
      if (workshopOfControlDoc(roomName) !== null) return;
      workshops
        .workshopOfBoard(roomName)
        .then((workshop) => workshop && rooms.open(controlDocName(workshop.id)))
        // afterLoad opens it again and is told of a failure.
        .catch(() => undefined);
    },

    async afterLoad(room, rooms) {
      const workshopId = workshopOfControlDoc(room.name);
      if (workshopId !== null) {
        const meta = getControlMap(room.doc, ControlRoot.meta);
        meta.observe((event) => {
          if (!event.keysChanged.has(ControlKey.generations)) return;
          // Re-issued links (maybe on another instance): HTTP checks must not trust the cached record.
          workshops.invalidate(workshopId);
          closeStale(workshopId, room, rooms);
        });
        return;
      }
      room.onDestroy(
        protectBoardSettings(room.doc, {
          // Only the server itself, its peers, the store and facilitators change a board's settings.
          mayChange: (origin) => !isPolicyConnection(origin) || origin.info.role === Role.facilitator,
          refused: (origin) => (origin as PolicyConnection).deny(DenyReason.boardSettings),
          restoreOrigin: SERVER
        })
      );
      const workshop = await workshops.workshopOfBoard(room.name);
      if (!workshop) return;
      const control = await rooms.open(controlDocName(workshop.id));
      control.pin();
      room.onDestroy(() => control.unpin());
      controlOf.set(room, control);
    },

    beforeJoin(room, conn) {
      const control = workshopOfControlDoc(room.name) !== null ? room : controlOf.get(room);
      return control && isStale(conn, generationsOf(control)) ? CloseCode.tokenRevoked : null;
    },

    writeDenied(room, conn) {
      if (workshopOfControlDoc(room.name) !== null) return DenyReason.readOnly;
      const control = controlOf.get(room);
      if (conn.info.role !== Role.facilitator && control && isBoardLocked(control.doc, room.name)) return DenyReason.locked;
      return null;
    }
  };
};
