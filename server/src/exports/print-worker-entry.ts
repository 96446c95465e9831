/**
 * The print thread (print-thread.ts): one warm Chromium (pdf-printer.ts) that prints the jobs it is
 * posted, one at a time, and answers each with the PDF's bytes or the error. Bundled as
 * server/dist/print-worker.mjs by scripts/build-server.mjs; during development and tests the
 * server starts print-worker.mjs, which registers tsx first.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createPdfPrinter, PdfUnavailableError } from './pdf-printer.ts';
import type { PrintReply, PrintRequest } from './print-thread.ts';

const port = parentPort;
if (!port) throw new Error('print-worker: not started as a worker thread');
const printer = createPdfPrinter((workerData as { executablePath: string }).executablePath);

port.on('message', async (request: PrintRequest) => {
  if ('close' in request) {
    await printer.close();
    port.close();
    return;
  }
  const { id, job } = request;
  try {
    const pdf = await printer.print(job);
    port.postMessage({ id, pdf } satisfies PrintReply, [pdf.buffer as ArrayBuffer]);
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    port.postMessage({ id, error, unavailable: err instanceof PdfUnavailableError } satisfies PrintReply);
  }
});
