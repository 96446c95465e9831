/**
 * Several boards' connections shown as one status (the workshop page's header): the least
 * reassuring of them wins, so "changes waiting to sync" on any board is never hidden.
 *
 * Public API
 *   new ConnectionGroup(() => connections)   reads the list reactively
 *   group.status / group.online / group.unsynced / group.closedForGood   (same meaning as BoardConnection)
 */
import { ConnectionStatus } from './board-connection.svelte.ts';

/** What the header needs to know about a connection; `BoardConnection` and `ConnectionGroup` both fit. */
export interface ConnectionState {
  readonly status: ConnectionStatus;
  readonly online: boolean;
  readonly unsynced: boolean;
  readonly closedForGood: boolean;
}

const SEVERITY: readonly ConnectionStatus[] = [ConnectionStatus.connected, ConnectionStatus.connecting, ConnectionStatus.offline, ConnectionStatus.syncing];

export class ConnectionGroup implements ConnectionState {
  readonly #list: () => readonly ConnectionState[];

  constructor(list: () => readonly ConnectionState[]) {
    this.#list = list;
  }

  // Getters rather than $derived fields: they read other classes' $state, so templates that use
  // them stay reactive, and there is nothing costly to memoise for a handful of boards.
  get status(): ConnectionStatus {
    let worst: ConnectionStatus = ConnectionStatus.connecting;
    let index = -1;
    for (const c of this.#list()) {
      const i = SEVERITY.indexOf(c.status);
      if (i > index) [index, worst] = [i, c.status];
    }
    return worst;
  }

  get online(): boolean {
    const list = this.#list();
    return list.length > 0 && list.every((c) => c.online);
  }

  get unsynced(): boolean {
    return this.#list().some((c) => c.unsynced);
  }

  get closedForGood(): boolean {
    return this.#list().some((c) => c.closedForGood);
  }
}
