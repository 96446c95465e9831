/**
 * Server memory under slow readers: READERS clients stop reading (their sockets paused) while another
 * writes 1 MiB updates as fast as the server takes them, 128 MiB in all (BENCH_SLOW_MIB). The
 * kernel holds the first ~36 MiB of each reader's backlog on loopback here (tcp_rmem up to 32 MiB),
 * so the server's own queue starts after that. Two phases, each on a fresh server:
 * the bound raised out of reach (what the server did before MAX_BUFFERED_BYTES existed) and the
 * default bound. The writer keeps overwriting one value, so the board itself stays small and what
 * grows is what the server queues for the reader. Resident memory is read from /proc.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createWorkshop, syncUrl } from './plenary-api.ts';
import { sleep, startPlenary } from './processes.ts';
import { readMemory } from './proc-stats.ts';
import { deleteKeys, redisAnswers, uniqueKeyPrefix } from './redis-keys.ts';

/** What the writer sends in each phase (BENCH_SLOW_MIB), or less if BENCH_SLOW_S seconds pass first. */
const SEND_BYTES = Number(process.env.BENCH_SLOW_MIB ?? 128) * 1024 * 1024;
const WRITE_MS = Number(process.env.BENCH_SLOW_S ?? 60) * 1000;
const CHUNK_BYTES = 1024 * 1024;
/** The writer waits while this much of its own output is unsent (it is not the slow one). */
const WRITER_QUEUE_BYTES = 4 * 1024 * 1024;
const DEFAULT_BOUND = 4 * 1024 * 1024;
const MIB = 1024 * 1024;
/** CloseCode.slowReader. */
const SLOW_READER = 4508;
/** Each paused reader is sent a copy of every update. */
const READERS = 4;

export interface SlowReaderPhase {
  label: string;
  maxBufferedBytes: number;
  writtenMiB: number;
  rssBeforeMiB: number;
  rssAfterMiB: number;
  peakRssMiB: number;
  /** How many of the slow readers the server closed as slow readers (4508). */
  readersClosed: number;
}

const updateFrame = (update: Uint8Array): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // sync
  encoding.writeVarUint(e, 2); // update
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
};

const open = (url: string): Promise<WebSocket> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });

const mib = (bytes: number) => Math.round((bytes / MIB) * 10) / 10;

const phase = async (label: string, maxBufferedBytes: number, redisUrl: string | null): Promise<SlowReaderPhase> => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'plenary-bench-slow-'));
  const keyPrefix = uniqueKeyPrefix();
  // Redis when it answers: its writes do not hold the event loop, so the writer is not slowed by the store.
  const server = await startPlenary({
    store: redisUrl ? 'redis' : 'sqlite',
    dataDir,
    redisUrl: redisUrl ?? '',
    keyPrefix,
    // 'closing connection' lines are info: they say which readers the server gave up on.
    logLevel: 'info',
    secret: randomBytes(24).toString('hex'),
    // Compaction folded away: the figure is about queued bytes, not the store.
    env: {
      MAX_BUFFERED_BYTES: String(maxBufferedBytes),
      MAX_DOC_BYTES: String(1024 * MIB),
      COMPACT_AFTER_BYTES: String(256 * MIB),
      COMPACT_AFTER_ENTRIES: '100000'
    }
  });
  try {
    const w = await createWorkshop(server.httpBase, 'Slow reader', ['Bench']);
    const url = syncUrl(server.port, w.boards[0]!.id, w.tokens.delegate);
    const readers = await Promise.all(Array.from({ length: READERS }, () => open(url)));
    for (const reader of readers) {
      reader.on('error', () => undefined);
      (reader as unknown as { _socket: Socket })._socket.pause();
    }
    const writer = await open(url);
    writer.on('error', () => undefined);
    await sleep(500);
    const before = readMemory(server.pid)!;

    const doc = new Y.Doc();
    const value = doc.getMap('bench');
    let written = 0;
    const deadline = Date.now() + WRITE_MS;
    for (let i = 0; written < SEND_BYTES && Date.now() < deadline; i++) {
      let update: Uint8Array | null = null;
      doc.once('update', (u: Uint8Array) => (update = u));
      value.set('blob', String(i % 10).repeat(CHUNK_BYTES));
      writer.send(updateFrame(update!));
      written += CHUNK_BYTES;
      while (writer.bufferedAmount > WRITER_QUEUE_BYTES && Date.now() < deadline) await sleep(5);
      await new Promise((r) => setImmediate(r));
    }
    await sleep(500);
    const after = readMemory(server.pid)!;
    writer.terminate();
    for (const reader of readers) reader.terminate();
    return {
      label,
      maxBufferedBytes,
      writtenMiB: mib(written),
      rssBeforeMiB: mib(before.rss),
      rssAfterMiB: mib(after.rss),
      peakRssMiB: mib(after.peakRss),
      readersClosed: server.logs.filter((l) => l.includes('"msg":"closing connection"') && l.includes(`"code":${SLOW_READER}`)).length
    };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (redisUrl) await deleteKeys(redisUrl, keyPrefix).catch(() => 0);
  }
};

export const benchSlowReader = async ({ log }: { log: (line: string) => void }): Promise<SlowReaderPhase[]> => {
  const phases: SlowReaderPhase[] = [];
  const url = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const redisUrl = (await redisAnswers(url)) ? url : null;
  for (const [label, bound] of [
    ['without a bound (as before MAX_BUFFERED_BYTES)', 1024 * 1024 * MIB],
    [`MAX_BUFFERED_BYTES=${DEFAULT_BOUND} (default)`, DEFAULT_BOUND]
  ] as const) {
    log(` ${label}…`);
    const figures = await phase(label, bound, redisUrl);
    log(
      `  RSS ${figures.rssBeforeMiB} → ${figures.rssAfterMiB} MiB (peak ${figures.peakRssMiB}), ${figures.readersClosed} of ${READERS} readers closed as slow`
    );
    phases.push(figures);
  }
  return phases;
};

export const slowReaderText = (phases: SlowReaderPhase[]): string => {
  const rows = phases.map(
    (p) =>
      `  ${p.label.padEnd(48)} ${String(p.writtenMiB).padStart(8)} ${String(p.rssBeforeMiB).padStart(10)} ${String(p.rssAfterMiB).padStart(10)} ${String(p.peakRssMiB).padStart(9)}   ${p.readersClosed} of ${READERS}`
  );
  return [
    `  ${''.padEnd(48)} ${'sent MiB'.padStart(8)} ${'RSS before'.padStart(10)} ${'RSS after'.padStart(10)} ${'peak RSS'.padStart(9)}   readers closed (4508)`,
    ...rows
  ].join('\n');
};
