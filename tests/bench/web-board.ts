/**
 * Web figures for `pnpm bench`, measured in real Chromium against a real server and the built app
 * (run `pnpm build` first):
 *
 *  - JavaScript shipped to the board page: every script response the page loads, raw and gzipped.
 *  - Typing latency on a board with 500 cards: keydown → next frame on the typist's screen, and
 *    keydown → the character visible on a second person's screen (both browsers on this machine,
 *    so one clock). The second screen is sampled every animation frame (≤ 16 ms resolution).
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/utils/browser.ts';
import { startServer } from '../utils/server.ts';
import { seedBenchBoard } from '../utils/realistic-cards.ts';

const Settings = {
  cards: 500,
  /** Keystrokes measured per run. */
  keys: 80,
  /** Pause between keystrokes: a fast typist. */
  keyGapMs: 60,
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
} as const;

export interface WebBoardFigures {
  boardPageJs: { files: number; rawKB: number; gzipKB: number; largestGzipKB: Record<string, number> };
  typing: { cards: number; keys: number; localFrameMs: Percentiles; remoteVisibleMs: Percentiles };
}
interface Percentiles {
  p50: number;
  p95: number;
  max: number;
}

const percentiles = (values: number[]): Percentiles => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN) * 10) / 10;
  return { p50: at(0.5), p95: at(0.95), max: at(1) };
};

const openBoard = async (
  browser: Browser,
  base: string,
  path: string,
  workshopId: string,
  name: string,
  city: string
): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 } });
  await context.addInitScript(
    ([id, who, where]) => localStorage.setItem(`plenary.identity.${id}`, JSON.stringify({ name: who, city: where, lang: 'en', color: '#1f6feb' })),
    [workshopId, name, city]
  );
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await page.goto(path);
  await page.getByTestId('board').waitFor({ timeout: 30_000 });
  // Typing is measured on the board as built: every open lane holding all its cards (a long lane
  // is drawn a step at a time after its first screen).
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll<HTMLElement>('[data-lane]')].every(
        (lane) => lane.classList.contains('collapsed') || lane.querySelectorAll('[data-testid="card"]').length === Number(lane.dataset.count)
      ),
    undefined,
    { timeout: 60_000 }
  );
  return { context, page };
};

export const benchWebBoard = async ({ log }: { log: (line: string) => void } = { log: console.log }): Promise<WebBoardFigures> => {
  const server = await startServer({ env: { LOG_LEVEL: 'info' } });
  const browser = await chromium.launch({ executablePath: Settings.chromium, args: CHROMIUM_ARGS });
  try {
    const { workshop, board } = await seedBenchBoard(server, 'Bench board', Settings.cards);
    const path = `/w/${workshop.id}/b/${board.id}?token=${workshop.tokens.delegate}`;

    // 1. JavaScript shipped: scripts fetched by a first visit (cold cache, own context).
    const scripts = new Map<string, Buffer>();
    const first = await browser.newContext({ baseURL: server.httpBase, serviceWorkers: 'block' });
    const probe = await first.newPage();
    probe.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return;
      scripts.set(response.url(), await response.body().catch(() => Buffer.alloc(0)));
    });
    await probe.goto(path);
    await probe.waitForLoadState('networkidle');
    await first.close();
    const raw = [...scripts.values()].reduce((sum, body) => sum + body.length, 0);
    const gzip = [...scripts.values()].reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
    const kB = (bytes: number) => Math.round(bytes / 102.4) / 10;
    // The three heaviest files, so a growing bundle can be traced to its chunk.
    const largestGzipKB = Object.fromEntries(
      [...scripts.entries()]
        .map(([url, body]) => [new URL(url).pathname.split('/').pop()!, kB(gzipSync(body, { level: 9 }).length)] as const)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
    );
    const boardPageJs = { files: scripts.size, rawKB: kB(raw), gzipKB: kB(gzip), largestGzipKB };
    log(`board page JavaScript: ${boardPageJs.files} files, ${boardPageJs.rawKB} kB raw, ${boardPageJs.gzipKB} kB gzip`);

    // 2. Typing on a 500-card board, watched from a second screen.
    const typist = await openBoard(browser, server.httpBase, path, workshop.id, 'Typist', 'Bangkok');
    const watcher = await openBoard(browser, server.httpBase, path, workshop.id, 'Watcher', 'Porto');
    for (const { page } of [typist, watcher]) {
      // Every card is on the board (Parked is collapsed, so count from the lanes' figures).
      await page.waitForFunction(
        `[...document.querySelectorAll('[data-lane]')].reduce((n, lane) => n + Number(lane.dataset.count), 0) >= ${Settings.cards}`,
        undefined,
        { timeout: 60_000 }
      );
    }
    const fieldIndex = 3;
    const field = typist.page.getByTestId('card-text').nth(fieldIndex);
    await field.click();
    await field.press('Control+End');
    const startLength = (await field.inputValue()).length;
    // Browser-side probes are strings: the test runner's transform would otherwise add helpers
    // (function names) that do not exist inside the page.
    await watcher.page.evaluate(`(() => {
      const el = document.querySelectorAll('[data-testid="card-text"]')[${fieldIndex}];
      const start = ${startLength};
      const seen = [];
      window.seen = seen;
      let last = start;
      // Record when each new character first shows, in wall-clock milliseconds.
      const tick = () => {
        while (el.value.length > last) seen[++last - start - 1] = performance.timeOrigin + performance.now();
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    await typist.page.evaluate(`(() => {
      const keys = [];
      const frames = [];
      window.keys = keys;
      window.frames2 = frames;
      document.addEventListener('keydown', () => {
        const t = performance.now();
        keys.push(performance.timeOrigin + t);
        // The next frame after the input was handled: what the typist perceives.
        requestAnimationFrame(() => setTimeout(() => frames.push(performance.now() - t), 0));
      }, true);
    })()`);
    for (let i = 0; i < Settings.keys; i++) {
      await typist.page.keyboard.press(String.fromCharCode(97 + (i % 26)));
      await typist.page.waitForTimeout(Settings.keyGapMs);
    }
    await watcher.page.waitForFunction(`(window.seen ?? []).filter(Boolean).length >= ${Settings.keys}`, undefined, { timeout: 30_000 });
    const keys = (await typist.page.evaluate('window.keys')) as number[];
    const frames = (await typist.page.evaluate('window.frames2')) as number[];
    const seen = (await watcher.page.evaluate('window.seen')) as number[];
    const remote = keys.slice(0, Settings.keys).map((t, i) => seen[i]! - t);
    const typing = { cards: Settings.cards, keys: Settings.keys, localFrameMs: percentiles(frames), remoteVisibleMs: percentiles(remote) };
    log(
      `typing on ${Settings.cards} cards: next frame p50 ${typing.localFrameMs.p50} ms, p95 ${typing.localFrameMs.p95} ms; ` +
        `on the other screen p50 ${typing.remoteVisibleMs.p50} ms, p95 ${typing.remoteVisibleMs.p95} ms`
    );
    await typist.context.close();
    await watcher.context.close();
    return { boardPageJs, typing };
  } finally {
    await browser.close();
    await server.close();
  }
};
