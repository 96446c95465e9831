/**
 * Printing the export's print page to PDF in Chromium (playwright-core, the system's Chromium).
 * One print at a time: a browser is heavy and the machines workshops run on are small. The page
 * runs without JavaScript and without network access: it is self-contained.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** Chromium flags for a server without a display, sandbox user namespaces or outbound traffic. */
export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run'
] as const;

const Timing = { launchMs: 30_000, renderMs: 60_000 } as const;

/** Chromium is not installed where the server looks for it. */
export class PdfUnavailableError extends Error {}

export interface PdfJob {
  html: string;
  headerTemplate: string;
  footerTemplate: string;
}

export interface PdfPrinter {
  readonly executablePath: string;
  print(job: PdfJob): Promise<Uint8Array>;
}

export const createPdfPrinter = (executablePath: string): PdfPrinter => {
  let queue: Promise<unknown> = Promise.resolve();

  const printNow = async (job: PdfJob): Promise<Uint8Array> => {
    if (!existsSync(executablePath)) {
      throw new PdfUnavailableError(`PDF export needs Chromium, which is not installed at ${executablePath} (set CHROMIUM_PATH)`);
    }
    // Loaded on first use, so a server that never prints never loads it.
    const { chromium } = await import('playwright-core');
    let browser: Browser | null = null;
    try {
      browser = await chromium.launch({ executablePath, args: [...CHROMIUM_FLAGS], timeout: Timing.launchMs });
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      const page = await context.newPage();
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(job.html, { waitUntil: 'load', timeout: Timing.renderMs });
      const pdf = await page.pdf({
        format: 'A4',
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: job.headerTemplate,
        footerTemplate: job.footerTemplate
      });
      return new Uint8Array(pdf);
    } finally {
      await browser?.close().catch(() => undefined);
    }
  };

  return {
    executablePath,
    print(job) {
      const run = queue.then(() => printNow(job));
      queue = run.catch(() => undefined);
      return run;
    }
  };
};
