/**
 * Export figures: milliseconds to export one 500-card board in each format (median of several
 * runs after a warm-up), from the board snapshot to the finished file. PDF includes starting
 * Chromium and printing (the server's printer), and is left out where Chromium is missing.
 * Run alone: `node --import tsx tests/bench/export-bench.ts`.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { EXPORT_FORMATS, printTemplates, renderExport, renderPrintHtml, type ExportFormat } from '@plenary/shared/export';
import { createPdfPrinter } from '@plenary/server/exports/pdf-printer.ts';
import { buildLargeBoard, exportInput } from '../export/fixtures.ts';

const CARDS = 500;
const RUNS = 7;
const PDF_RUNS = 3;

export interface ExportFigures {
  cards: number;
  /** Median milliseconds per format; `print-html` is the print page alone (before the browser). */
  ms: Partial<Record<ExportFormat | 'print-html', number>>;
  /** Bytes of each output. */
  bytes: Partial<Record<ExportFormat | 'print-html', number>>;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const time = async (runs: number, fn: () => Promise<string | Uint8Array>): Promise<{ ms: number; bytes: number }> => {
  const out = await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return { ms: Math.round(median(samples) * 10) / 10, bytes: typeof out === 'string' ? Buffer.byteLength(out) : out.byteLength };
};

export async function exportFigures(): Promise<ExportFigures> {
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
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (existsSync(chromium)) {
    const printer = createPdfPrinter(chromium);
    record('pdf', await time(PDF_RUNS, () => printer.print({ html: renderPrintHtml(input, { marginBoxes: false }), ...printTemplates(input) })));
  }
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await exportFigures();
  console.log(`Export of one ${figures.cards}-card board (median ms, bytes):`);
  for (const [format, ms] of Object.entries(figures.ms)) console.log(`  ${format.padEnd(10)} ${String(ms).padStart(8)} ms  ${figures.bytes[format as ExportFormat]} B`);
}
