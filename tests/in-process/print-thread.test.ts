/**
 * PDFs are printed in a thread of their own (server/src/exports/print-thread.ts): the print thread
 * loads playwright-core and drives the warm Chromium, so the server's own thread — its event loop,
 * every board's sync — never evaluates that module (about 0.4 s in one piece) nor carries the
 * print page and the PDF through Chromium's protocol. Real Chromium, real pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PdfUnavailableError, type PdfJob } from '@plenary/server/exports/pdf-printer.ts';
import { createThreadedPdfPrinter } from '@plenary/server/exports/print-thread.ts';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const dir = mkdtempSync(path.join(tmpdir(), 'plenary-print-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const job = (text: string): PdfJob => ({
  html: `<!doctype html><html><head><meta charset="utf-8"><title>${text}</title></head><body><h1>${text}</h1></body></html>`,
  headerTemplate: '<span></span>',
  footerTemplate: '<span></span>'
});
const pdfText = (pdf: Uint8Array): string => {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
};
/** Whether this thread has loaded a file of `pkg` (playwright-core is CommonJS: its files land in the require cache). */
const loadedHere = (pkg: string): boolean => Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes(`${path.sep}${pkg}${path.sep}`));

describe('the print thread', () => {
  it('prints PDFs in its own thread, one after another, and this thread never loads playwright-core', async () => {
    expect(loadedHere('playwright-core')).toBe(false);
    const printer = createThreadedPdfPrinter(CHROMIUM);
    try {
      const [first, second] = await Promise.all([printer.print(job('Action plan: Porto')), printer.print(job('Plan de acção: Hue'))]);
      expect(Buffer.from(first!.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(pdfText(first!)).toContain('Action plan: Porto');
      expect(pdfText(second!)).toContain('Plan de acção: Hue');
      expect(loadedHere('playwright-core')).toBe(false);
    } finally {
      await printer.close();
    }
  });

  it('finishes a print asked for before it was closed, and starts a new thread for a print after', async () => {
    // Closing waits 10 s for accepted prints; a first print (Chromium's launch) can take longer
    // while the whole suite runs, and this is about the print being finished, not that bound.
    const printer = createThreadedPdfPrinter(CHROMIUM, { closeTimeoutMs: 45_000 });
    try {
      const before = printer.print(job('Before closing'));
      await printer.close();
      expect(pdfText(await before)).toContain('Before closing');
      expect(pdfText(await printer.print(job('After closing')))).toContain('After closing');
    } finally {
      await printer.close();
    }
  });

  it('says Chromium is missing, as the printer on the event loop did', async () => {
    const printer = createThreadedPdfPrinter(path.join(dir, 'no-chromium-here'));
    await expect(printer.print(job('Nowhere'))).rejects.toBeInstanceOf(PdfUnavailableError);
    await printer.close();
  });
});
