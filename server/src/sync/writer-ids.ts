/**
 * Whose Yjs client ids a device may write new edits under, on one board.
 *
 * Every edit in a Yjs update is named by its writer's client id and a clock that counts up from 0.
 * A document that already holds an id's clock drops a later edit at that clock as known, without
 * a word. So whoever writes first under another device's id, at the clocks that device is about to
 * use, makes that device's next edits vanish on the server and on every other screen — while the
 * device still shows them. Any delegate can read every id in use from the board, and since devices
 * keep their id from visit to visit (web/src/lib/sync/device-writer.ts) an id is known in advance.
 *
 * The rule: an id belongs to the device that first wrote new edits under it on this board. A
 * device is its key, the `plenary_device` cookie (DEVICE_COOKIE) hashed at the
 * upgrade, so a device's tabs, reloads and reconnects after a Wi-Fi drop share its ids, and nobody
 * else can present them. New edits under an id that belongs to another device are left out of the
 * update (Y.diffUpdate against a state vector that names those ids as complete); the rest of it —
 * the device's own edits, deletions, edits the board already holds — is applied, and the
 * connection is told (`writer-taken`). A connection without a device key (a script, an API
 * client) binds no id and may write only under ids nobody holds.
 *
 * Each binding is stored with the board and told at once to the other instances that have the
 * board open (room-writer-ids.ts), so the rule holds from one load of the board to the next and
 * whichever instance each device is connected to.
 *
 * Public API
 *   const ids = new WriterIds(doc, { onBound })
 *   const admitted = ids.admit(update, writers, device)   what `device` may apply of `update`
 *                                                (`writers`: its writers and end clocks, protocol.ts writersOf)
 *   ids.bind(admitted, device)                   after it was applied: its new ids become the device's
 *   ids.learn(entries) / ids.entries()           bindings read from the store, told by / for other instances
 *   encodeBindings / decodeBindings              how the instances tell each other
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** A board holds this many bound ids at most; past it new ids are left unbound (written, not guarded). */
export const MAX_BOUND_IDS = 10_000;

/** A clock past any real one: a state vector naming an id as complete up to here leaves all its edits out. */
const BEYOND = 2 ** 52;

export interface Admitted {
  /** What may be applied: the update itself, or it without another device's new edits. */
  update: Uint8Array;
  /** Edits under another device's ids were left out. */
  refused: boolean;
  /** Ids nobody holds that the update writes new edits under: the device's once it is applied. */
  claims: readonly number[];
}

const NO_CLAIMS: readonly number[] = [];

export class WriterIds {
  /** Client id → the device (its hashed key) that writes under it. */
  private readonly owners = new Map<number, string>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly hooks: { onBound?: (bound: [client: number, device: string][]) => void } = {}
  ) {}

  /** How many ids are bound. */
  get size(): number {
    return this.owners.size;
  }

  /**
   * What a connection of `device` (undefined: none presented) may apply of `update`, whose writers
   * and the clock after each one's last edit in it are `writers` (read when the message was decoded).
   */
  admit(update: Uint8Array, writers: ReadonlyMap<number, number>, device: string | undefined): Admitted {
    // Made only when needed: the usual edit passes with none.
    let foreign: number[] | null = null;
    let claims: number[] | null = null;
    for (const [client, end] of writers) {
      const owner = this.owners.get(client);
      // The usual edit: the device's own id (or, for a connection without a key, an id nobody holds).
      if (owner === device) continue;
      // Edits the board already holds (a reconnect's answer repeats them) take nothing from anyone.
      if (end <= Y.getState(this.doc.store, client)) continue;
      if (owner === undefined) (claims ??= []).push(client);
      else (foreign ??= []).push(client);
    }
    if (foreign === null) return { update, refused: false, claims: claims ?? NO_CLAIMS };
    const complete = Y.encodeStateVector(new Map(foreign.map((client) => [client, BEYOND])));
    return { update: Y.diffUpdate(update, complete), refused: true, claims: claims ?? NO_CLAIMS };
  }

  /** `admitted` was applied: the ids it wrote first are `device`'s from now on. */
  bind(admitted: Admitted, device: string | undefined): void {
    if (device === undefined || admitted.claims.length === 0) return;
    const bound: [number, string][] = [];
    for (const client of admitted.claims) {
      if (this.owners.has(client) || this.owners.size >= MAX_BOUND_IDS) continue;
      this.owners.set(client, device);
      bound.push([client, device]);
    }
    if (bound.length > 0) this.hooks.onBound?.(bound);
  }

  /** Bindings another instance made: kept unless the id is bound here already (the first stays). */
  learn(entries: Iterable<[number, string]>): void {
    for (const [client, device] of entries) {
      if (!this.owners.has(client) && this.owners.size < MAX_BOUND_IDS) this.owners.set(client, device);
    }
  }

  entries(): IterableIterator<[number, string]> {
    return this.owners.entries();
  }
}

/** Bindings as the instances exchange them: a count, then each id and its device. */
export const encodeBindings = (entries: Iterable<[number, string]>): Uint8Array => {
  const list = [...entries];
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, list.length);
  for (const [client, device] of list) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarString(encoder, device);
  }
  return encoding.toUint8Array(encoder);
};

export const decodeBindings = (payload: Uint8Array): [number, string][] => {
  const decoder = decoding.createDecoder(payload);
  const count = decoding.readVarUint(decoder);
  const entries: [number, string][] = [];
  for (let i = 0; i < count; i++) entries.push([decoding.readVarUint(decoder), decoding.readVarString(decoder)]);
  return entries;
};
