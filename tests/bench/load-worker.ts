/**
 * One load-generator process: raw y-websocket clients for a set of rooms. Each client edits its
 * own tiny Y.Doc (a marker per edit) and never applies what it receives; it only scans received
 * frames for markers and records when each (edit, receiver) pair arrived. Senders and receivers
 * of a room live in the same process, so one clock times every pair.
 */
import { performance, monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { answerSyncStep1, encodeSyncStep1, encodeUpdate, frameKind, marker, scanMarkers } from './wire.ts';
import { createHistogram, pack, record } from './histogram.ts';
import type { FromWorker, PhaseReport, RoomAssignment, ToWorker } from './load-protocol.ts';

const CONNECT_CONCURRENCY = 40;
const CONNECT_TIMEOUT_MS = 60_000;
const DRAIN_POLL_MS = 50;
/** Send intervals vary by ±JITTER around 1/rate so that clients do not fall into lockstep. */
const JITTER = 0.2;
const UNMEASURED = -1;
/** Sampling interval of the event-loop delay monitor; subtracted again from its readings. */
const LOOP_RESOLUTION_MS = 5;
/**
 * BENCH_LOAD_DEFLATE=1: the clients offer permessage-deflate and compress every message they send,
 * as browsers do (the server then inflates each edit). Off by default: the reference server does
 * not accept compression, so its clients would send as they are.
 */
const PER_MESSAGE_DEFLATE: WebSocket.ClientOptions['perMessageDeflate'] = process.env.BENCH_LOAD_DEFLATE === '1' ? { threshold: 0 } : false;

interface Client {
  id: number;
  local: number;
  /** Which of the room's instances the client is connected to (0 without `spread`). */
  instance: number;
  room: Room;
  ws: WebSocket;
  doc: Y.Doc;
  text: Y.Text;
  pending: Uint8Array | null;
  synced: boolean;
  // Per edit, indexed by seq:
  sentAt: number[];
  phaseOf: number[];
  received: number[];
  timer: NodeJS.Timeout | null;
}

interface Room {
  clients: Client[];
}

const send = (msg: FromWorker): void => {
  process.send!(msg);
};

const clientsById = new Map<number, Client>();
const rooms: Room[] = [];
let closes: Record<string, number> = {};
let strayMarkers = 0;

// Counters of the phase being measured.
let pairHist = createHistogram();
let allHist = createHistogram();
let crossHist = createHistogram();
let receivedPairs = 0;

const fullMask = (sender: Client): number => ((2 ** sender.room.clients.length - 1) & ~(1 << sender.local)) | 0;

const onFrame = (receiver: Client, frame: Buffer): void => {
  const kind = frameKind(frame);
  if (kind === 'update') {
    const now = performance.now();
    scanMarkers(frame, (clientId, seq) => {
      const sender = clientsById.get(clientId);
      if (!sender || sender.room !== receiver.room || seq >= sender.sentAt.length) {
        strayMarkers++;
        return;
      }
      if (sender === receiver) return;
      const bit = 1 << receiver.local;
      const mask = sender.received[seq]!;
      if (mask & bit) return;
      const next = mask | bit;
      sender.received[seq] = next;
      if (sender.phaseOf[seq] === UNMEASURED) return;
      const latency = now - sender.sentAt[seq]!;
      record(pairHist, latency);
      if (sender.instance !== receiver.instance) record(crossHist, latency);
      receivedPairs++;
      if (next === fullMask(sender)) record(allHist, latency);
    });
  } else if (kind === 'step1') {
    receiver.ws.send(answerSyncStep1(frame, receiver.doc));
  } else if (kind === 'step2') {
    receiver.synced = true;
  }
};

const openClient = (room: Room, id: number, local: number, url: string, instance: number): Promise<Client> =>
  new Promise((resolve, reject) => {
    const doc = new Y.Doc();
    const ws = new WebSocket(url, { perMessageDeflate: PER_MESSAGE_DEFLATE });
    const client: Client = {
      id,
      local,
      instance,
      room,
      ws,
      doc,
      text: doc.getText('bench'),
      pending: null,
      synced: false,
      sentAt: [],
      phaseOf: [],
      received: [],
      timer: null
    };
    doc.on('update', (u: Uint8Array) => {
      client.pending = u;
    });
    const timeout = setTimeout(() => reject(new Error(`client ${id} did not sync within ${CONNECT_TIMEOUT_MS} ms`)), CONNECT_TIMEOUT_MS);
    ws.on('open', () => ws.send(encodeSyncStep1(doc)));
    ws.on('message', (data: Buffer) => {
      onFrame(client, data);
      if (client.synced && timeout) {
        clearTimeout(timeout);
        resolve(client);
      }
    });
    ws.on('close', (code) => {
      clearTimeout(timeout);
      closes[code] = (closes[code] ?? 0) + 1;
      reject(new Error(`client ${id} closed with ${code} before syncing`));
    });
    ws.on('error', (err) => reject(err));
  });

const connect = async (assignments: RoomAssignment[], perRoom: number): Promise<void> => {
  const started = performance.now();
  const jobs: (() => Promise<void>)[] = [];
  for (const a of assignments) {
    const room: Room = { clients: [] };
    rooms.push(room);
    for (let local = 0; local < perRoom; local++) {
      const id = a.room * perRoom + local;
      jobs.push(async () => {
        const instance = a.spread ? local % a.spread.length : 0;
        const c = await openClient(room, id, local, a.spread?.[instance] ?? a.url, instance);
        room.clients[local] = c;
        clientsById.set(id, c);
      });
    }
  }
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, lane));
  send({ type: 'connected', clients: clientsById.size, ms: performance.now() - started });
};

const makeEdit = (c: Client, phase: number): void => {
  if (c.ws.readyState !== WebSocket.OPEN) return;
  const seq = c.sentAt.length;
  c.text.insert(c.text.length, marker(c.id, seq));
  const frame = encodeUpdate(c.pending!);
  c.pending = null;
  c.phaseOf.push(phase);
  c.received.push(0);
  c.sentAt.push(performance.now());
  c.ws.send(frame);
};

const runPhase = async (p: Extract<ToWorker, { type: 'phase' }>): Promise<PhaseReport> => {
  pairHist = createHistogram();
  allHist = createHistogram();
  crossHist = createHistogram();
  receivedPairs = 0;
  const periodMs = 1000 / p.editsPerSec;
  const t0 = performance.now();
  const measureFrom = t0 + p.warmupMs;
  const measureTo = measureFrom + p.measureMs;
  const all = [...clientsById.values()];
  const firstMeasured = new Map<Client, number>();

  for (const c of all) {
    let due = t0 + Math.random() * periodMs;
    const tick = () => {
      const now = performance.now();
      if (now >= measureTo) {
        c.timer = null;
        return;
      }
      const phase = now >= measureFrom ? p.phase : UNMEASURED;
      if (phase !== UNMEASURED && !firstMeasured.has(c)) firstMeasured.set(c, c.sentAt.length);
      makeEdit(c, phase);
      due += periodMs * (1 - JITTER + 2 * JITTER * Math.random());
      c.timer = setTimeout(tick, Math.max(0, due - performance.now()));
    };
    c.timer = setTimeout(tick, Math.max(0, due - performance.now()));
  }

  // The measurement window: CPU and event-loop delay of this worker.
  await new Promise((r) => setTimeout(r, Math.max(0, measureFrom - performance.now())));
  const cpuBefore = process.cpuUsage();
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loop.enable();
  await new Promise((r) => setTimeout(r, Math.max(0, measureTo - performance.now())));
  const cpu = process.cpuUsage(cpuBefore);
  loop.disable();
  for (const c of all)
    if (c.timer) {
      clearTimeout(c.timer);
      c.timer = null;
    }

  const measured = (): { edits: number; expected: number; complete: boolean } => {
    let edits = 0;
    let expected = 0;
    let complete = true;
    for (const c of all) {
      const from = firstMeasured.get(c);
      if (from === undefined) continue;
      const full = fullMask(c);
      for (let s = from; s < c.sentAt.length; s++) {
        if (c.phaseOf[s] !== p.phase) continue;
        edits++;
        expected += c.room.clients.length - 1;
        if (c.received[s] !== full) complete = false;
      }
    }
    return { edits, expected, complete };
  };
  const drainUntil = performance.now() + p.drainTimeoutMs;
  let m = measured();
  while (!m.complete && performance.now() < drainUntil) {
    await new Promise((r) => setTimeout(r, DRAIN_POLL_MS));
    m = measured();
  }

  const report: PhaseReport = {
    phase: p.phase,
    edits: m.edits,
    expectedPairs: m.expected,
    receivedPairs,
    pairLatency: pack(pairHist),
    allLatency: pack(allHist),
    crossLatency: pack(crossHist),
    cpuMs: (cpu.user + cpu.system) / 1000,
    measureMs: p.measureMs,
    loopDelayP99Ms: Math.max(0, loop.percentile(99) / 1e6 - LOOP_RESOLUTION_MS),
    closes,
    strayMarkers
  };
  closes = {};
  strayMarkers = 0;
  return report;
};

process.on('message', (msg: ToWorker) => {
  const fail = (err: unknown) => send({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  switch (msg.type) {
    case 'connect':
      connect(msg.rooms, msg.clientsPerRoom).catch(fail);
      break;
    case 'phase':
      runPhase(msg).then((report) => send({ type: 'phase-result', report }), fail);
      break;
    case 'close':
      for (const c of clientsById.values()) c.ws.close();
      setTimeout(() => process.exit(0), 200);
      break;
  }
});
process.on('disconnect', () => process.exit(0));
