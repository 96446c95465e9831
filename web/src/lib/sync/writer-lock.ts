/**
 * One tab of a device at a time writes a board with the device's kept Yjs client id
 * (device-writer.ts): two tabs writing with one id at once would take the same clocks, and the
 * server would drop one tab's edits as known.
 *
 *   const lock = holdWriterLock(boardId)
 *   lock.held()        this tab may write with the kept id now
 *   lock.onHeld(fn)    fn runs each time the tab comes to hold it
 *   lock.release()     gives it up (the board closes); also on the page's 'pagehide'
 *
 * Where the browser offers Web Locks (pages served over HTTPS or from localhost) the lock is one,
 * held until released or the page goes. Over plain HTTP — a laptop on the venue's Wi-Fi — it is a
 * lease in IndexedDB: a record naming the tab and until when, taken and renewed in readwrite
 * transactions, which IndexedDB runs one at a time across the origin's tabs. A tab counts itself
 * holder only until a moment it computed before its last renewal began, earlier than the record
 * says, so a tab that was frozen or busy stops writing with the id before another may take it.
 */
import { uuidv4 } from 'lib0/random';

export interface WriterLock {
  held(): boolean;
  onHeld(listener: () => void): void;
  release(): void;
}

/** Web Lock name of a board's writer. */
export const writerLockName = (boardId: string): string => `plenary-writer-${boardId}`;

/** How long a lease lasts, and how often its holder renews it. */
export const LEASE_MS = 6000;
export const RENEW_MS = 2000;

/** IndexedDB database and store of the leases (one record per board). */
export const LEASE_DB = 'plenary-writer-leases';
const LEASES = 'leases';

interface Lease {
  tab: string;
  until: number;
}

export const holdWriterLock = (boardId: string): WriterLock => {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (locks) return webLock(locks, boardId);
  if (typeof indexedDB === 'undefined') return { held: () => false, onHeld: () => {}, release: () => {} };
  return leaseLock(boardId);
};

/** A second tab waits for the lock; a reload waits the moment it takes the browser to let the page before go. */
const webLock = (locks: LockManager, boardId: string): WriterLock => {
  let held = false;
  let released = false;
  const listeners: Array<() => void> = [];
  const abort = new AbortController();
  let letGo = (): void => abort.abort();
  locks
    .request(writerLockName(boardId), { signal: abort.signal }, () => {
      if (released) return undefined;
      held = true;
      for (const listener of listeners) listener();
      return new Promise<void>((resolve) => {
        letGo = resolve;
      });
    })
    .catch(() => undefined);
  return {
    held: () => held,
    onHeld: (listener) => {
      listeners.push(listener);
    },
    release: () => {
      released = true;
      held = false;
      letGo();
    }
  };
};

const leaseLock = (boardId: string): WriterLock => {
  const tab = uuidv4();
  const listeners: Array<() => void> = [];
  /** This tab holds the lease until then, by its own clock (0: not held). */
  let until = 0;
  let released = false;
  const opened = openLeases();

  /** Takes the lease if it is free or ours, in one readwrite transaction, and tells the listeners when this tab comes to hold it. */
  const takeOrRenew = async (): Promise<void> => {
    const started = Date.now();
    const db = await opened;
    if (released) return;
    const mine = await new Promise<boolean>((resolve) => {
      const tx = db.transaction(LEASES, 'readwrite');
      const store = tx.objectStore(LEASES);
      let taken = false;
      const read = store.get(boardId);
      read.onsuccess = () => {
        const lease = read.result as Lease | undefined;
        if (lease && lease.tab !== tab && lease.until > Date.now()) return;
        store.put({ tab, until: started + LEASE_MS } satisfies Lease, boardId);
        taken = true;
      };
      tx.oncomplete = () => resolve(taken);
      tx.onerror = () => resolve(false);
      tx.onabort = () => resolve(false);
    });
    const was = until > Date.now();
    until = mine && !released ? started + LEASE_MS - RENEW_MS : 0;
    if (until > Date.now() && !was) for (const listener of listeners) listener();
  };

  const renew = setInterval(() => void takeOrRenew().catch(() => undefined), RENEW_MS);
  void takeOrRenew().catch(() => undefined);

  const release = (): void => {
    if (released) return;
    released = true;
    until = 0;
    clearInterval(renew);
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', release);
    // Best effort: a lease left behind frees itself within LEASE_MS.
    void opened
      .then((db) => {
        const tx = db.transaction(LEASES, 'readwrite');
        const store = tx.objectStore(LEASES);
        const read = store.get(boardId);
        read.onsuccess = () => {
          if ((read.result as Lease | undefined)?.tab === tab) store.delete(boardId);
        };
      })
      .catch(() => undefined);
  };
  if (typeof window !== 'undefined') window.addEventListener('pagehide', release);

  return {
    held: () => until > Date.now(),
    onHeld: (listener) => {
      listeners.push(listener);
    },
    release
  };
};

let leasesDb: Promise<IDBDatabase> | null = null;

const openLeases = (): Promise<IDBDatabase> => {
  leasesDb ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(LEASE_DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(LEASES);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return leasesDb;
};
