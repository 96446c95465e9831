/**
 * The web app's sync layer: one `BoardConnection` per open board (Y.Doc + IndexedDB + WebSocket)
 * and `Presence` on top of its awareness. See the header of each module for its API.
 */
export {
  BoardConnection,
  ConnectionStatus,
  boardDbName,
  type BoardConnectionOptions
} from './board-connection.svelte.ts';
export { Presence, countPeople, type Person, type PresenceUser, type LocalPresence } from './presence.svelte.ts';
export { syncBaseUrl } from './sync-url.ts';
export { changedDocument } from './quiet-updates.ts';
export { BoardSummary } from './board-summary.svelte.ts';
export { ConnectionGroup, type ConnectionState } from './connection-group.svelte.ts';
