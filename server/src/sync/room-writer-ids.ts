/**
 * A room's writer ids (writer-ids.ts) kept with its board: the bindings stored with the board are
 * learned as the room loads (before any edit is applied); each new binding is told to the other
 * instances that have the board open and appended to the board's records; and a store that lost
 * them (a Redis restarted empty) gets every binding appended again.
 *
 * The records: an append-only list per board (StoreRecords, `writerRecords(doc)`), one
 * `<client id> <device>` per binding, the first record of an id the one that counts; deleted with
 * the board's workshop (operations/workshop-data.ts).
 *
 * Public API
 *   const kept = new RoomWriterIds(doc, { name, store, log, publish })
 *   kept.ids            the rule (admit, bind, learn)
 *   await kept.read()   the stored bindings learned
 *   kept.storeAll()     every binding appended again
 */
import type * as Y from 'yjs';
import type { Logger } from '../log.ts';
import type { StoreRecords } from '../persistence/store.ts';
import { MAX_BOUND_IDS, WriterIds } from './writer-ids.ts';

/** The store's list of a board's bindings, deleted with the board's workshop. */
export const writerRecords = (doc: string): string => `writers:${doc}`;

/** One binding as a record of that list. */
export const encodeRecord = ([client, device]: [number, string]): string => `${client} ${device}`;

/** The bindings a list holds, in the order they were stored; records that do not read are skipped. */
export const decodeRecords = (records: string[]): [number, string][] =>
  records.flatMap((record) => {
    const [client, device] = record.split(' ');
    const id = Number(client);
    return Number.isSafeInteger(id) && id >= 0 && device ? [[id, device] as [number, string]] : [];
  });

export interface RoomWriterIdsDeps {
  /** The board's name. */
  name: string;
  store: Pick<StoreRecords, 'listRecords' | 'appendRecord'>;
  log: Logger;
  /** Tells the other instances of ids just bound here (room-peers.ts). */
  publish: (bound: [number, string][]) => void;
}

export class RoomWriterIds {
  readonly ids: WriterIds;

  constructor(
    doc: Y.Doc,
    private readonly deps: RoomWriterIdsDeps
  ) {
    this.ids = new WriterIds(doc, {
      onBound: (bound) => {
        deps.publish(bound);
        this.store(bound);
      }
    });
  }

  /** Learns the bindings stored with the board; none when they cannot be read (the rule then starts afresh). */
  async read(): Promise<void> {
    try {
      this.ids.learn(decodeRecords(await this.deps.store.listRecords(writerRecords(this.deps.name))));
    } catch (err) {
      this.deps.log.warn({ err: String(err) }, 'the board’s writer ids could not be read');
    }
  }

  /** Appends every binding again (a store that lost them). */
  storeAll(): void {
    this.store([...this.ids.entries()]);
  }

  private store(bound: [number, string][]): void {
    const list = writerRecords(this.deps.name);
    for (const entry of bound) {
      this.deps.store.appendRecord(list, encodeRecord(entry), MAX_BOUND_IDS).catch((err) => {
        // Still bound in memory here and on the other instances; only a later load misses it.
        this.deps.log.warn({ err: String(err) }, 'a writer id could not be stored');
      });
    }
  }
}
