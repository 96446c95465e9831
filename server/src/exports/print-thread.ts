/**
 * The PDF printer (pdf-printer.ts) in a thread of its own, started on the first PDF. On the event
 * loop, loading playwright-core at the first PDF held every board of the instance for about 0.4 s
 * (module evaluation cannot yield), and driving Chromium moved the print page and the PDF through
 * Chromium's protocol as single large strings: for a workshop of 20,000 cards, 150 ms more in one
 * piece. The thread holds the warm Chromium as the printer did; the event loop only posts the job
 * and receives the PDF's bytes (transferred, not copied).
 */
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { PdfUnavailableError, type PdfJob, type PdfPrinter } from './pdf-printer.ts';

/** What the print thread answers for one job. */
export type PrintReply = { id: number; pdf: Uint8Array } | { id: number; error: string; unavailable: boolean };
/** What the print thread is sent: a job to print, or the word to close its browser and end. */
export type PrintRequest = { id: number; job: PdfJob } | { close: true };

/**
 * How long closing waits for the thread to finish the prints it accepted and close its browser
 * before it is ended regardless: the server's shutdown closes the printer before it writes the
 * boards, so a print that cannot finish in this time is given up.
 */
const CLOSE_TIMEOUT_MS = 10_000;

export const createThreadedPdfPrinter = (executablePath: string, { closeTimeoutMs = CLOSE_TIMEOUT_MS }: { closeTimeoutMs?: number } = {}): PdfPrinter => {
  let worker: Worker | null = null;
  const waiting = new Map<number, { resolve: (pdf: Uint8Array) => void; reject: (err: Error) => void }>();
  let nextId = 1;

  const failAll = (err: Error) => {
    for (const { reject } of waiting.values()) reject(err);
    waiting.clear();
  };

  /** The print thread, started when there is none (or the last one ended). */
  const thread = (): Worker => {
    if (worker) return worker;
    const started = new Worker(new URL('./print-worker.mjs', import.meta.url), { workerData: { executablePath } });
    started.on('message', (reply: PrintReply) => {
      const entry = waiting.get(reply.id);
      if (!entry) return;
      waiting.delete(reply.id);
      if ('pdf' in reply) entry.resolve(reply.pdf);
      else entry.reject(reply.unavailable ? new PdfUnavailableError(reply.error) : new Error(reply.error));
    });
    const ended = (err: Error) => {
      if (worker === started) worker = null;
      failAll(err);
    };
    started.on('error', (err) => ended(new Error(`the print thread failed: ${err.message}`)));
    started.on('exit', () => ended(new Error('the print thread stopped')));
    worker = started;
    return started;
  };

  return {
    executablePath,
    print(job) {
      // Checked here, so a server without Chromium never starts the thread.
      if (!existsSync(executablePath)) {
        return Promise.reject(new PdfUnavailableError(`PDF export needs Chromium, which is not installed at ${executablePath} (set CHROMIUM_PATH)`));
      }
      const id = nextId++;
      const printed = new Promise<Uint8Array>((resolve, reject) => waiting.set(id, { resolve, reject }));
      thread().postMessage({ id, job } satisfies PrintRequest);
      return printed;
    },
    async close() {
      const running = worker;
      worker = null;
      if (!running) return;
      const exited = once(running, 'exit');
      running.postMessage({ close: true } satisfies PrintRequest);
      const timer = setTimeout(() => void running.terminate(), closeTimeoutMs);
      await exited.catch(() => undefined);
      clearTimeout(timer);
    }
  };
};
