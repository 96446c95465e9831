/**
 * The print thread (print-thread.ts): one warm Chromium (pdf-printer.ts) that prints the jobs it is
 * posted, one at a time, and answers each with the PDF's bytes or the error. Told to close, it
 * refuses new jobs, lets the ones it accepted finish (a browser closed under a print would be
 * launched again by the print's own retry), then closes the browser and ends. Bundled as
 * server/dist/print-worker.mjs by scripts/build-server.mjs; during development and tests the
 * server starts print-worker.mjs, which registers tsx first.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createPdfPrinter, PdfUnavailableError } from './pdf-printer.ts';
import type { PrintReply, PrintRequest } from './print-thread.ts';

const port = parentPort;
if (!port) throw new Error('print-worker: not started as a worker thread');
const printer = createPdfPrinter((workerData as { executablePath: string }).executablePath);
const accepted = new Set<Promise<unknown>>();
let closing = false;

const print = async (id: number, job: Extract<PrintRequest, { job: unknown }>['job']): Promise<void> => {
  if (closing) return port.postMessage({ id, error: 'the printer is closing', unavailable: false } satisfies PrintReply);
  try {
    const pdf = await printer.print(job);
    port.postMessage({ id, pdf } satisfies PrintReply, [pdf.buffer as ArrayBuffer]);
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    port.postMessage({ id, error, unavailable: err instanceof PdfUnavailableError } satisfies PrintReply);
  }
};

port.on('message', async (request: PrintRequest) => {
  if ('close' in request) {
    closing = true;
    await Promise.allSettled(accepted);
    await printer.close();
    port.close();
    return;
  }
  const printing = print(request.id, request.job);
  accepted.add(printing);
  await printing;
  accepted.delete(printing);
});
