/**
 * The load process of the reconnect-storm benchmark (reconnect-storm.ts): raw y-websocket clients,
 * each holding its own Y.Doc of the board, that speak the protocol as y-websocket's provider does
 * on (re)connecting: sync step 1 with the document's state vector and the client's presence as an
 * awareness update, then step 2 in answer to the server's step 1. A client counts as synced when
 * the server's step 2 arrives (the provider's `sync` event). Received presence is not applied.
 *
 *   prime  connect every client (a few at a time, not measured); the first client of each room
 *          writes the board's plan, the others receive it, so every client holds the board
 *   drop   every socket ends at once (the venue's Wi-Fi went away)
 *   storm  every client opens a new socket in the same instant, with the document it holds;
 *          reports each client's time from that instant to synced
 */
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { MessageTag } from '@plenary/shared/protocol';
import { answerSyncStep1, encodeSyncStep1, encodeUpdate, frameKind, readUpdatePayload } from './wire.ts';

const PRIME_CONCURRENCY = 40;
/** Pause after a room's plan is written, so that the room holds it before the others join. */
const PLAN_SETTLE_MS = 100;

export interface StormRoom {
  url: string;
  /** The board's plan as one Yjs update, written by the room's first client while priming. */
  plan: number[];
}

export type ToStormWorker =
  | { type: 'prime'; rooms: StormRoom[]; clientsPerRoom: number; timeoutMs: number }
  | { type: 'drop' }
  | { type: 'storm'; timeoutMs: number }
  | { type: 'close' };

export interface StormReport {
  /** Each synced client's time from the storm's start to the server's step 2, ms. */
  syncedMs: number[];
  /** Clients that did not sync within the time-out, or whose socket failed. */
  failed: number;
  /** Socket errors by message (connection refused, reset…). */
  errors: Record<string, number>;
  /** Connections the server closed before they synced, by close code. */
  closes: Record<string, number>;
  /** Time to open every socket (the loop creating them), ms. */
  openLoopMs: number;
  /** CPU this load process used from the storm's start until every client was synced or failed, ms. */
  cpuMs: number;
}

export type FromStormWorker =
  | { type: 'primed'; clients: number; ms: number }
  | { type: 'dropped' }
  | { type: 'storm-result'; report: StormReport }
  | { type: 'error'; message: string };

interface Client {
  doc: Y.Doc;
  awareness: Awareness;
  url: string;
  ws: WebSocket | null;
}

const clients: Client[] = [];

/** A client whose presence renews (or changes) sends it, as the provider does while connected. */
const sendPresenceChanges = (c: Client): void => {
  c.awareness.on('update', (_change: unknown, origin: unknown) => {
    if (origin === 'local' && c.ws?.readyState === WebSocket.OPEN) c.ws.send(awarenessFrame(c));
  });
};
const send = (msg: FromStormWorker): void => {
  process.send!(msg);
};

const awarenessFrame = (c: Client): Uint8Array => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageTag.awareness);
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(c.awareness, [c.doc.clientID]));
  return encoding.toUint8Array(encoder);
};

/** Opens `c`'s socket as the provider does; resolves with the time (performance.now) of the server's step 2. */
const open = (c: Client, timeoutMs: number, onClose: (code: number) => void, onError: (e: Error) => void): Promise<number> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(c.url, { perMessageDeflate: false });
    c.ws = ws;
    let done = false;
    const finish = (err: Error | null, at = 0) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(at);
    };
    const timer = setTimeout(() => finish(new Error('timed out')), timeoutMs);
    ws.binaryType = 'nodebuffer';
    ws.on('open', () => {
      ws.send(encodeSyncStep1(c.doc));
      ws.send(awarenessFrame(c));
    });
    ws.on('message', (data: Buffer) => {
      const kind = frameKind(data);
      if (kind === 'step1') ws.send(answerSyncStep1(data, c.doc));
      else if (kind === 'step2' || kind === 'update') {
        Y.applyUpdate(c.doc, readUpdatePayload(data));
        if (kind === 'step2') finish(null, performance.now());
      }
    });
    ws.on('close', (code) => {
      if (!done) onClose(code);
      finish(new Error(`closed ${code}`));
    });
    ws.on('error', (err) => {
      if (!done) onError(err);
      finish(err);
    });
  });

const prime = async (rooms: StormRoom[], perRoom: number, timeoutMs: number): Promise<void> => {
  const started = performance.now();
  // A failed open rejects with its reason; nothing to count while priming.
  const ignore = () => undefined;
  for (const [r, room] of rooms.entries()) {
    const first: Client = { doc: new Y.Doc(), awareness: null!, url: room.url, ws: null };
    first.awareness = new Awareness(first.doc);
    Y.applyUpdate(first.doc, Uint8Array.from(room.plan));
    clients.push(first);
    const jobs: Client[] = [];
    for (let i = 1; i < perRoom; i++) {
      const doc = new Y.Doc();
      const c: Client = { doc, awareness: new Awareness(doc), url: room.url, ws: null };
      jobs.push(c);
      clients.push(c);
    }
    for (const [i, c] of [first, ...jobs].entries()) {
      sendPresenceChanges(c);
      c.awareness.setLocalState({ user: { name: `Delegate ${r}-${i}`, city: 'Bangkok', color: '#1f77b4', lang: 'en' }, editing: null, cursor: null });
    }
    // The first client brings the plan (its step 2 answering the server's step 1, and an update in
    // case that step 1 came first); the others receive it in their step 2 or as an update.
    await open(first, timeoutMs, ignore, ignore);
    first.ws!.send(encodeUpdate(Y.encodeStateAsUpdate(first.doc)));
    await new Promise((r) => setTimeout(r, PLAN_SETTLE_MS));
    let next = 0;
    const lane = async () => {
      while (next < jobs.length) {
        const c = jobs[next++]!;
        await open(c, timeoutMs, ignore, ignore);
      }
    };
    await Promise.all(Array.from({ length: PRIME_CONCURRENCY }, lane));
  }
  send({ type: 'primed', clients: clients.length, ms: performance.now() - started });
};

const drop = async (): Promise<void> => {
  await Promise.all(
    clients.map(
      (c) =>
        new Promise<void>((resolve) => {
          const ws = c.ws;
          c.ws = null;
          if (!ws || ws.readyState === WebSocket.CLOSED) return resolve();
          ws.once('close', () => resolve());
          ws.terminate();
        })
    )
  );
  send({ type: 'dropped' });
};

const storm = async (timeoutMs: number): Promise<StormReport> => {
  const errors: Record<string, number> = {};
  const closes: Record<string, number> = {};
  let failed = 0;
  const syncedMs: number[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const pending = clients.map((c) =>
    open(
      c,
      timeoutMs,
      (code) => {
        closes[code] = (closes[code] ?? 0) + 1;
      },
      (err) => {
        errors[err.message] = (errors[err.message] ?? 0) + 1;
      }
    ).then(
      (at) => {
        syncedMs.push(at - t0);
      },
      () => {
        failed++;
      }
    )
  );
  const openLoopMs = performance.now() - t0;
  await Promise.all(pending);
  const cpu = process.cpuUsage(cpu0);
  return { syncedMs, failed, errors, closes, openLoopMs, cpuMs: (cpu.user + cpu.system) / 1000 };
};

process.on('message', (msg: ToStormWorker) => {
  const fail = (err: unknown) => send({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  switch (msg.type) {
    case 'prime':
      prime(msg.rooms, msg.clientsPerRoom, msg.timeoutMs).catch(fail);
      break;
    case 'drop':
      drop().catch(fail);
      break;
    case 'storm':
      storm(msg.timeoutMs).then((report) => send({ type: 'storm-result', report }), fail);
      break;
    case 'close':
      for (const c of clients) c.ws?.terminate();
      setTimeout(() => process.exit(0), 200);
      break;
  }
});
process.on('disconnect', () => process.exit(0));
