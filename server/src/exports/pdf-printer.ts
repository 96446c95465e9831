/**
 * Printing the export's print page to PDF in Chromium (playwright-core, the system's Chromium).
 * One Chromium is kept warm: launched on the first PDF, reused with a fresh context and page per
 * PDF (starting a browser costs far more than printing a board), relaunched when it has died, and
 * closed with the server. One print at a time: a browser is heavy and the machines workshops run
 * on are small. The page runs without JavaScript and without network access: it is self-contained.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** Chromium flags for a server without a display, sandbox user namespaces or outbound traffic. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
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
  /** Closes the warm browser (the next print would launch a new one). */
  close(): Promise<void>;
}

export const createPdfPrinter = (executablePath: string): PdfPrinter => {
  let queue: Promise<unknown> = Promise.resolve();
  let browser: Promise<Browser> | null = null;

  /** The warm browser, launched when there is none or the last one has died. */
  const warmBrowser = async (): Promise<Browser> => {
    const current = await browser?.catch(() => null);
    if (current?.isConnected()) return current;
    // Loaded on first use, so a server that never prints never loads it.
    const { chromium } = await import('playwright-core');
    const launching = chromium.launch({ executablePath, args: [...CHROMIUM_FLAGS], timeout: Timing.launchMs });
    browser = launching;
    launching.then(
      (b) =>
        b.on('disconnected', () => {
          if (browser === launching) browser = null;
        }),
      () => {
        if (browser === launching) browser = null;
      }
    );
    return launching;
  };

  const printOnce = async (b: Browser, job: PdfJob): Promise<Uint8Array> => {
    const context = await b.newContext({ javaScriptEnabled: false, offline: true });
    try {
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
      await context.close().catch(() => undefined);
    }
  };

  const printNow = async (job: PdfJob): Promise<Uint8Array> => {
    if (!existsSync(executablePath)) {
      throw new PdfUnavailableError(`PDF export needs Chromium, which is not installed at ${executablePath} (set CHROMIUM_PATH)`);
    }
    const b = await warmBrowser();
    try {
      return await printOnce(b, job);
    } catch (err) {
      // The browser died under this print (killed, out of memory): once more in a new one.
      if (b.isConnected()) throw err;
      return printOnce(await warmBrowser(), job);
    }
  };

  return {
    executablePath,
    print(job) {
      const run = queue.then(() => printNow(job));
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      const current = await browser?.catch(() => null);
      browser = null;
      await current?.close().catch(() => undefined);
    }
  };
};
