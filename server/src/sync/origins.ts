/**
 * Transaction origins, so an update is stored and forwarded exactly once:
 *   a Connection  — a local client's edit: fan out locally, publish to peers, store
 *   PEER          — another instance's edit: fan out locally only (that instance stores it)
 *   STORE         — read back from the store: fan out locally only
 *   SERVER        — made by the server itself (migrations, facilitation): like a client's edit
 */
export const PEER = Symbol('peer-instance');
export const STORE = Symbol('store');
export const SERVER = Symbol('server');
