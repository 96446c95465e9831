/**
 * Export figures.
 *  1. Renderers: milliseconds to export one 500-card board in each format (median of several runs
 *     after a warm-up), from the board snapshot to the finished file, in this process.
 *  2. PDF of that board through the server's printer: the first (Chromium launched) and the
 *     following ones (the same warm Chromium, a new page each).
 *  3. A real server with a 20,000-card workshop (ten boards of 2,000, written by a y-websocket
 *     client): how long GET /api/time and a sync round trip on another board take while the
 *     workshop's Word and PDF exports render, beside the same requests with no export running.
 *     Exports render in worker threads, so these round trips measure what is left of the wait;
 *     with exports on the event loop every request waited for the whole render, which one run
 *     of this code cannot show beside it. BENCH_EXPORT_BOARDS changes the number of boards,
 *     BENCH_EXPORT_SKIP_SERVER leaves this part out.
 * Run alone: `node --import tsx tests/bench/export-bench.ts`.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { EXPORT_FORMATS, printTemplates, renderExport, renderPrintHtml, type ExportFormat } from '@plenary/shared/export';
import { addCard, readBoard } from '@plenary/shared/schema';
import { createPdfPrinter } from '@plenary/server/exports/pdf-printer.ts';
import { buildLargeBoard, exportInput } from '../export/fixtures.ts';
import { writeRawCards } from '../export/raw-cards.ts';
import { connectClient, type TestClient } from '../utils/clients.ts';
import { startServer, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';

const CARDS = 500;
const RUNS = 7;
const PDF_RUNS = 3;
/** Boards of 2,000 cards in the busy-server workshop (BENCH_EXPORT_BOARDS; 10 = 20,000 cards). */
const BIG_BOARDS = Number(process.env.BENCH_EXPORT_BOARDS ?? 10);
const CARDS_PER_BOARD = 2_000;
const PROBE_GAP_MS = 50;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Round trips while something else happens: count, median, p99 and worst, in ms. */
export interface Probe {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export interface BusyServerFigures {
  cards: number;
  /** What the export took, from request to last byte (ms). */
  exportMs: Partial<Record<'docx' | 'pdf', number>>;
  /** An export that failed (e.g. the connection closed), with why; its probes are still kept. */
  failed: Partial<Record<'docx' | 'pdf', string>>;
  /** GET /api/time round trips: idle, during the Word export, during the PDF export. */
  time: { idle: Probe; docx?: Probe; pdf?: Probe };
  /** Edit on one client → seen by another client of another board, same three moments. */
  sync: { idle: Probe; docx?: Probe; pdf?: Probe };
}

export interface ExportFigures {
  cards: number;
  /** Median milliseconds per format; `print-html` is the print page alone (before the browser). */
  ms: Partial<Record<ExportFormat | 'print-html', number>>;
  /** Bytes of each output. */
  bytes: Partial<Record<ExportFormat | 'print-html', number>>;
  /** PDF of the 500-card board: the first (Chromium starts) and the median of the next (warm). */
  pdfFirstMs?: number;
  pdfWarmMs?: number;
  busyServer?: BusyServerFigures;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (ms: number): number => Math.round(ms * 10) / 10;

const summarise = (samples: number[]): Probe => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN);
  return { n: sorted.length, p50: at(0.5), p99: at(0.99), max: round(sorted[sorted.length - 1] ?? NaN) };
};

const time = async (runs: number, fn: () => Promise<string | Uint8Array>): Promise<{ ms: number; bytes: number }> => {
  const out = await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return { ms: round(median(samples)), bytes: typeof out === 'string' ? Buffer.byteLength(out) : out.byteLength };
};

/** Probes the server until `until` settles (or for `idleMs` when it is null): HTTP and sync round trips. */
const probe = async (server: PlenaryServer, alice: TestClient, bob: TestClient, until: Promise<unknown> | null, idleMs = 3_000) => {
  const times: number[] = [];
  const syncs: number[] = [];
  let done = false;
  void until?.finally(() => (done = true));
  const stopAt = Date.now() + idleMs;
  let n = 0;
  while (until ? !done : Date.now() < stopAt) {
    const t0 = performance.now();
    await (await server.fetch('/api/time')).arrayBuffer();
    times.push(performance.now() - t0);
    const text = `probe ${n++} ${Math.random()}`;
    const t1 = performance.now();
    addCard(alice.doc, { kind: 'idea', lang: 'en', createdBy: 'Bench', authorCity: 'Hanoi', text });
    await waitFor(() => readBoard(bob.doc).cards.some((c) => c.kind === 'idea' && c.text === text), 120_000, 'the probe edit', 2);
    syncs.push(performance.now() - t1);
    await new Promise((r) => setTimeout(r, PROBE_GAP_MS));
  }
  return { time: summarise(times), sync: summarise(syncs) };
};

const busyServerFigures = async (log: (line: string) => void): Promise<BusyServerFigures> => {
  const server = await startServer({ env: { LOG_LEVEL: 'info', CHROMIUM_PATH: CHROMIUM } });
  const clients: TestClient[] = [];
  try {
    const themes = [...Array.from({ length: BIG_BOARDS }, (_, i) => `Theme ${i + 1}`), 'Probe'];
    const workshop = await server.createWorkshop({ title: 'Export bench', themes });
    for (const board of workshop.boards.slice(0, BIG_BOARDS)) {
      const writer = connectClient(server.syncBase, board.id, workshop.tokens.facilitator);
      await writer.synced(120_000);
      for (let i = 0; i < CARDS_PER_BOARD; i += 500) writeRawCards(writer.doc, 500, i);
      const reader = connectClient(server.syncBase, board.id, workshop.tokens.facilitator);
      await waitFor(() => readBoard(reader.doc).cards.length === CARDS_PER_BOARD, 120_000, 'the server to hold the board');
      writer.destroy();
      reader.destroy();
    }
    log(`  ${BIG_BOARDS * CARDS_PER_BOARD} cards written`);
    const probeBoard = workshop.boards[BIG_BOARDS]!.id;
    const [alice, bob] = [0, 1].map(() => connectClient(server.syncBase, probeBoard, workshop.tokens.facilitator)) as [TestClient, TestClient];
    clients.push(alice, bob);
    await Promise.all([alice.synced(), bob.synced()]);
    const idle = await probe(server, alice, bob, null);
    log(`  idle: /api/time p50 ${idle.time.p50} ms, p99 ${idle.time.p99} ms; sync p50 ${idle.sync.p50} ms, p99 ${idle.sync.p99} ms`);
    const figures: BusyServerFigures = { cards: BIG_BOARDS * CARDS_PER_BOARD, exportMs: {}, failed: {}, time: { idle: idle.time }, sync: { idle: idle.sync } };
    const formats: Array<'docx' | 'pdf'> = existsSync(CHROMIUM) ? ['docx', 'pdf'] : ['docx'];
    for (const format of formats) {
      const started = performance.now();
      const exporting = server
        .fetch(`/api/workshops/${workshop.id}/export.${format}`, { headers: { authorization: `Bearer ${workshop.tokens.observer}` } })
        .then(async (res) => {
          if (!res.ok) throw new Error(`${format} export answered ${res.status}`);
          await res.arrayBuffer();
          figures.exportMs[format] = Math.round(performance.now() - started);
        });
      const during = await probe(
        server,
        alice,
        bob,
        exporting.catch(() => undefined)
      );
      await exporting.catch((err: unknown) => {
        figures.failed[format] =
          `${err instanceof Error ? err.message : String(err)}${err instanceof Error && err.cause ? ` (${String(err.cause)})` : ''} after ${Math.round(performance.now() - started)} ms`;
        log(`  ${format} export failed: ${figures.failed[format]}`);
      });
      figures.time[format] = during.time;
      figures.sync[format] = during.sync;
      log(
        `  during ${format} (${figures.exportMs[format]} ms): /api/time p50 ${during.time.p50} ms, p99 ${during.time.p99} ms, max ${during.time.max} ms; sync p50 ${during.sync.p50} ms, p99 ${during.sync.p99} ms`
      );
    }
    return figures;
  } finally {
    for (const c of clients) c.destroy();
    await server.close();
  }
};

export async function exportFigures(ctx: { log?: (line: string) => void } = {}): Promise<ExportFigures> {
  const log = ctx.log ?? console.log;
  const input = exportInput([buildLargeBoard(CARDS)]);
  const figures: ExportFigures = { cards: CARDS, ms: {}, bytes: {} };
  const record = (key: ExportFormat | 'print-html', r: { ms: number; bytes: number }) => {
    figures.ms[key] = r.ms;
    figures.bytes[key] = r.bytes;
  };
  for (const format of EXPORT_FORMATS) {
    if (format !== 'pdf') record(format, await time(RUNS, () => renderExport(format, input)));
  }
  record('print-html', await time(RUNS, async () => renderPrintHtml(input, { marginBoxes: false })));
  if (existsSync(CHROMIUM)) {
    const printer = createPdfPrinter(CHROMIUM);
    try {
      const job = { html: renderPrintHtml(input, { marginBoxes: false }), ...printTemplates(input) };
      const first = performance.now();
      const pdf = await printer.print(job);
      figures.pdfFirstMs = Math.round(performance.now() - first);
      const warm: number[] = [];
      for (let i = 0; i < PDF_RUNS; i++) {
        const t = performance.now();
        await printer.print(job);
        warm.push(performance.now() - t);
      }
      figures.pdfWarmMs = Math.round(median(warm));
      figures.ms.pdf = figures.pdfWarmMs;
      figures.bytes.pdf = pdf.byteLength;
      log(`  PDF of ${CARDS} cards: first ${figures.pdfFirstMs} ms (Chromium starts), then ${figures.pdfWarmMs} ms (warm)`);
    } finally {
      await printer.close();
    }
  }
  if (!process.env.BENCH_EXPORT_SKIP_SERVER) figures.busyServer = await busyServerFigures(log);
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await exportFigures();
  console.log(`Export of one ${figures.cards}-card board (median ms, bytes):`);
  for (const [format, ms] of Object.entries(figures.ms))
    console.log(`  ${format.padEnd(10)} ${String(ms).padStart(8)} ms  ${figures.bytes[format as ExportFormat]} B`);
  if (figures.busyServer) console.log(JSON.stringify(figures.busyServer, null, 2));
  process.exit(0);
}
