/**
 * The exports of this process: a bounded queue (export-queue.ts) in front of the render workers
 * (render-pool.ts) and the warm Chromium that prints PDFs, in a thread of its own
 * (print-thread.ts). A request's export waits for a slot, renders in a worker thread, and for PDF
 * is printed while it holds its slot, so the limits bound Chromium's work too.
 * `closeExportServices` ends the workers and Chromium when the server stops.
 */
import type { CheckedExport, ExportProblem } from '@plenary/shared/export';
import { createExportQueue, type ExportQueue, type ExportQueueLimits } from './export-queue.ts';
import type { PdfPrinter } from './pdf-printer.ts';
import { createThreadedPdfPrinter } from './print-thread.ts';
import { createRenderPool } from './render-pool.ts';
import type { RenderTask } from './render-task.ts';

/** A finished export: the file (or the print page's HTML) and what was left empty or out. */
export interface ExportOutput {
  body: string | Uint8Array;
  problems: ExportProblem[];
}

export interface ExportService {
  readonly queue: Pick<ExportQueue, 'running' | 'waiting'>;
  /** Renders (and for PDF prints) one export; throws `ExportBusyError` when the queue is full. */
  run(task: RenderTask): Promise<ExportOutput>;
  /**
   * Runs a small render done in this thread (the follow-up's progress report) through the same
   * queue, and for PDF the same printer; throws `ExportBusyError` when the queue is full.
   */
  runRendered(render: () => Promise<CheckedExport>): Promise<ExportOutput>;
  close(): Promise<void>;
}

const open = new Set<ExportService>();

export const createExportService = (limits: ExportQueueLimits, pdf: PdfPrinter | string): ExportService => {
  const queue = createExportQueue(limits);
  const pool = createRenderPool(limits.concurrency);
  const printer = typeof pdf === 'string' ? createThreadedPdfPrinter(pdf) : pdf;

  const finish = async ({ result, problems }: CheckedExport): Promise<ExportOutput> => {
    if (result.kind === 'print') return { body: await printer.print(result.job), problems };
    return { body: result.kind === 'html' ? result.html : result.body, problems };
  };

  const service: ExportService = {
    queue,
    run: (task) => queue.run(async () => finish(await pool.render(task))),
    runRendered: (render) => queue.run(async () => finish(await render())),
    async close() {
      open.delete(service);
      await Promise.allSettled([pool.close(), printer.close()]);
    }
  };
  open.add(service);
  return service;
};

/** Ends every export service's workers and browser (the server is stopping). */
export const closeExportServices = async (): Promise<void> => {
  await Promise.allSettled([...open].map((s) => s.close()));
};
