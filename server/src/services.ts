/**
 * Every service of the server, built once, in dependency order: the rooms (with the workshop's
 * policy), the server's own document access, versions, facilitation. index.ts serves them; tests
 * build the same set in-process. Nothing here listens on a port.
 */
import type { TokenSigner } from './auth/tokens.ts';
import type { Config } from './config.ts';
import { createServerDocs } from './documents/server-docs.ts';
import { createLocks } from './facilitation/locks.ts';
import { createParticipants } from './facilitation/participants.ts';
import { createWorkshopPolicy } from './facilitation/policy.ts';
import { createRevokeRole } from './facilitation/revoke.ts';
import { createRounds } from './facilitation/rounds.ts';
import { createVoteStore } from './facilitation/votes.ts';
import type { Bus } from './fanout/index.ts';
import { createFollowUp } from './follow-up/index.ts';
import type { AppDeps } from './http/deps.ts';
import type { Logger } from './log.ts';
import type { Metrics } from './metrics.ts';
import type { Store } from './persistence/store.ts';
import { RoomManager } from './sync/room-manager.ts';
import { createAutomaticVersions, createBoardVersions } from './versions/index.ts';
import { createWorkshopRepository } from './workshops/repository.ts';

export interface Infrastructure {
  config: Config;
  log: Logger;
  metrics: Metrics;
  store: Store;
  bus: Bus;
  signer: TokenSigner;
}

export const createServices = ({ config, log, metrics, store, bus, signer }: Infrastructure): Omit<AppDeps, 'webDir'> => {
  const workshops = createWorkshopRepository(store);
  const rooms = new RoomManager({ store, bus, config, log, metrics }, createWorkshopPolicy({ workshops, signer, log }));
  const docs = createServerDocs(rooms, workshops);
  const versions = createBoardVersions(store, docs);
  const autoVersions = createAutomaticVersions(versions, docs, log);
  rooms.events.on('edit', (docName) => autoVersions.edited(docName));
  return {
    config,
    log,
    metrics,
    store,
    signer,
    workshops,
    rooms,
    control: docs,
    revoke: createRevokeRole(workshops, docs),
    locks: createLocks(docs, autoVersions),
    participants: createParticipants(store),
    rounds: createRounds(docs, createVoteStore(store)),
    versions,
    autoVersions,
    followUp: createFollowUp({ store, docs, signer })
  };
};
