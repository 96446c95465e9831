/**
 * What the HTTP routes are handed: every service built once at start-up (index.ts). Routes parse,
 * check the caller and call a service; they never build one themselves.
 */
import type { TokenSigner } from '../auth/tokens.ts';
import type { Config } from '../config.ts';
import type { ServerDocs } from '../documents/server-docs.ts';
import type { Locks } from '../facilitation/locks.ts';
import type { FollowUp } from '../follow-up/index.ts';
import type { Participants } from '../facilitation/participants.ts';
import type { RevokeRole } from '../facilitation/revoke.ts';
import type { Rounds } from '../facilitation/rounds.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { Store } from '../persistence/store.ts';
import type { RoomManager } from '../sync/room-manager.ts';
import type { AutomaticVersions, BoardVersions } from '../versions/index.ts';
import type { WorkshopRepository } from '../workshops/repository.ts';

export interface AppDeps {
  config: Config;
  log: Logger;
  metrics: Metrics;
  store: Store;
  workshops: WorkshopRepository;
  signer: TokenSigner;
  webDir: string;
  /** Boards open in this process (exports read the live document). */
  rooms: RoomManager;
  /** The server's own reads and writes of control and board documents. */
  control: ServerDocs;
  /** Re-issues a role's links and cuts off connections using the old ones. */
  revoke: RevokeRole;
  /** Locking and unlocking boards (the lock, its mirror on the board, its version). */
  locks: Locks;
  /** People who registered to speak for a city. */
  participants: Participants;
  /** Dot-voting rounds and their secret ballots. */
  rounds: Rounds;
  /** Saved versions of boards. */
  versions: BoardVersions;
  /** Versions saved on lock, on a timer's end and hourly. */
  autoVersions: AutomaticVersions;
  /** Commitments, follow-up links and progress after the workshop (docs/FOLLOW-UP.md). */
  followUp: FollowUp;
}
