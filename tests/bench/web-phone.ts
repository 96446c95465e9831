/**
 * First open of a board on a phone, for `pnpm bench`: real Chromium against a real server serving
 * the built app (run `pnpm build` first), on a board of 200 realistic cards.
 *
 * The phone is a mid-range one as DevTools emulates it: CPU 4× slower, 1.6 Mbps both ways (200,000
 * bytes/s), 150 ms latency, a 390×844 touch screen. The same is measured without emulation
 * (localhost, this machine's CPU).
 *
 * Board usable: measured from the start of the navigation (performance.timeOrigin) to the first
 * animation frame at which the board is usable on the screen — the counts add up to the board's
 * cards, every open lane on the screen shows its cards down to the bottom of the screen (or all of
 * them), and a card can be edited (its text field is there and not read-only). The moment every
 * card is drawn (each open lane holds as many cards as its count) is measured beside it: the app
 * draws a long lane past its first screen in the idle moments after. Checked in the page on every
 * animation frame (USABLE_PROBE, tests/bench/board-page-watch.ts).
 *
 *  - cold: a fresh browser context (no HTTP cache, no IndexedDB, no service worker, nothing in
 *    localStorage but the person's name, as after the join form), opening the board's link;
 *  - repeat: the same context after the cold open, once its service worker has installed: the
 *    first tab closed, the board's address opened in a new tab (as a person coming back does). The
 *    page opens on the board's last view (web/src/lib/last-view), whose cards can be typed in; the
 *    moment the app's own board is usable is measured beside it;
 *  - the join page, every delegate's first page (the code scanned at the venue): a fresh browser
 *    context opening /join/<code>, until the page has looked the code up and drawn the form asking
 *    who the person is (the first animation frame holding its name field), and the scripts it
 *    received by then. No target of the issue's; measured beside the board's opens;
 *  - JavaScript transferred for the board page on the cold open: the sum of every script
 *    response's bytes as received (compressed, headers included: CDP Network.loadingFinished
 *    encodedDataLength), counted when the board is usable (the target), and again once the page
 *    is idle (with the parts loaded after the first view: history, export, menus opened later).
 *
 * Median of RUNS runs each. Targets (issue: first open on a phone): cold ≤ 3 s, repeat ≤ 1 s,
 * JavaScript ≤ 120 KiB. Targets are for the benchmark; nothing fails on a figure.
 */
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/utils/browser.ts';
import { startServer } from '../utils/server.ts';
import { seedBenchBoard } from '../utils/realistic-cards.ts';
import { countScripts, traceResponses, USABLE_PROBE, watchUsable } from './board-page-watch.ts';
import { browserUiRenderers } from './proc-stats.ts';

const Settings = {
  cards: 200,
  runs: Number(process.env.BENCH_PHONE_RUNS ?? 3),
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  phone: {
    cpuSlowdown: 4,
    latencyMs: 150,
    /** 1.6 Mbps. */
    bytesPerSecond: 200_000,
    viewport: { width: 390, height: 844 }
  },
  laptopViewport: { width: 1280, height: 800 },
  usableTimeoutMs: 60_000
} as const;

export const WebPhoneTargets = {
  coldUsableMs: 3000,
  repeatUsableMs: 1000,
  boardPageJsKiB: 120
} as const;

export interface Figure {
  value: number;
  target: number;
  unit: 'ms' | 'KiB';
  met: boolean;
  /** Every run's value, for the median's spread. */
  runs: number[];
}

export interface WebPhoneConditions {
  /** Usable on the screen (the target applies here). */
  coldUsable: Figure;
  repeatUsable: Figure;
  /** Every card of the board drawn, past the first screen too (median ms; no target of its own). */
  coldWholeMs: number;
  repeatWholeMs: number;
  /** The repeat visit's own board usable, the app running (median ms): until then the board's last view was on the screen. */
  repeatAppMs: number;
  /** Scripts received by the time the board was usable on the cold open (the target applies here). */
  boardPageJs: Figure & { files: number };
  /** Scripts received by the cold open once the page is idle, lazy parts included (no target). */
  boardPageJsIdle: { value: number; unit: 'KiB'; files: number };
  /** The join page: its name form drawn (median ms) and the scripts received by then. */
  joinForm: { ms: number; runs: number[]; jsKiB: number; jsFiles: number };
}

export interface WebPhoneFigures {
  cards: number;
  phone: WebPhoneConditions;
  localhost: WebPhoneConditions;
  /** The browser's own interface renderers running at the end (none expected: proc-stats.ts). */
  browserUi: { count: number; cpuMs: number };
}

type Log = (line: string) => void;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const figure = (runs: number[], target: number, unit: Figure['unit']): Figure => {
  const value = Math.round(median(runs) * 10) / 10;
  return { value, target, unit, met: value <= target, runs: runs.map((v) => Math.round(v * 10) / 10) };
};

interface Emulation {
  phone: boolean;
}

interface RunResult {
  /** Usable on the screen. */
  coldMs: number;
  repeatMs: number;
  /** Every card drawn. */
  coldWholeMs: number;
  repeatWholeMs: number;
  repeatAppMs: number;
  jsBytes: number;
  jsFiles: number;
  jsIdleBytes: number;
  jsIdleFiles: number;
}

/** Waits until the page has kept its board's last view (web/src/lib/last-view/keeper.ts). */
const waitForLastView = async (page: Page): Promise<void> => {
  for (let i = 0; i < 300; i++) {
    const kept = await page.evaluate(() =>
      caches
        .open('plenary-last-view')
        .then((cache) => cache.match(location.pathname))
        .then(Boolean)
    );
    if (kept) return;
    await page.waitForTimeout(100);
  }
  throw new Error('the board page kept no last view within 30 s');
};

/** The phone's touch screen, or a laptop's. */
const screenOf = (phone: boolean) => ({
  viewport: phone ? Settings.phone.viewport : Settings.laptopViewport,
  isMobile: phone,
  hasTouch: phone,
  deviceScaleFactor: phone ? 3 : 1
});

/** The phone's CPU and network, in the tab of `cdp` (CDP emulation is per tab). */
const emulatePhone = async (cdp: CDPSession): Promise<void> => {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Settings.phone.cpuSlowdown });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: Settings.phone.latencyMs,
    downloadThroughput: Settings.phone.bytesPerSecond,
    uploadThroughput: Settings.phone.bytesPerSecond
  });
};

const oneRun = async (browser: Browser, base: string, workshopId: string, boardId: string, token: string, { phone }: Emulation): Promise<RunResult> => {
  const context = await browser.newContext({
    baseURL: base,
    // The usable-board probe is a string evaluated in the page, which the app's policy forbids.
    bypassCSP: true,
    ...screenOf(phone)
  });
  try {
    await context.addInitScript(
      ([id, cards, probe]) => {
        // The person has given their name already (the join form), as on any link after the first.
        localStorage.setItem(`plenary.identity.${id}`, JSON.stringify({ name: 'Phone', city: 'Porto', lang: 'en', color: '#1f6feb' }));
        // biome-ignore lint/security/noGlobalEval: the probe is a string so no transform touches it
        if (location.pathname.includes('/b/')) (0, eval)(probe.replace('CARDS', String(cards)));
      },
      [workshopId, Settings.cards, USABLE_PROBE] as const
    );
    /** A new tab with the phone's CPU and network (CDP emulation is per tab). */
    const openTab = async (): Promise<{ page: Page; cdp: CDPSession }> => {
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      if (phone) await emulatePhone(cdp);
      return { page, cdp };
    };
    const { page, cdp } = await openTab();
    const scripts = countScripts(cdp);
    const trace = process.env.BENCH_PHONE_TRACE ? traceResponses(cdp) : null;
    const coldUsable = await watchUsable(cdp);
    await page.goto(`/w/${workshopId}/b/${boardId}?token=${token}`, { waitUntil: 'commit' });
    const cold = await coldUsable(Settings.usableTimeoutMs);
    if (trace) console.log([`cold open, usable at ${Math.round(cold.screen)} ms (page clock):`, ...trace()].join('\n'));
    // The scripts that had arrived when the board became usable (the wait above ends later, once
    // every card is drawn, by which time the page may have fetched parts it loads when idle).
    const js = scripts.until(cold.screen);
    // What the first visit still loads later (lazy parts) is counted apart.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(2500);
    const jsIdle = scripts.stop();
    // A repeat visit comes back later, in a new tab: by then the offline shell's service worker
    // has installed (it fetches every build file once, which on this link takes seconds the page
    // does not see), and the first tab is closed (so its work does not slow the second).
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // …and the board's last view is kept, as it is a few seconds after the board is quiet.
    await waitForLastView(page);
    await page.close();
    const again = await openTab();
    const repeatTrace = process.env.BENCH_PHONE_TRACE ? traceResponses(again.cdp) : null;
    const repeatUsable = await watchUsable(again.cdp);
    await again.page.goto(`/w/${workshopId}/b/${boardId}`, { waitUntil: 'commit' });
    const repeat = await repeatUsable(Settings.usableTimeoutMs);
    if (repeatTrace) console.log([`repeat visit, usable at ${Math.round(repeat.screen)} ms (page clock):`, ...repeatTrace()].join('\n'));
    return {
      coldMs: cold.screen,
      repeatMs: repeat.screen,
      coldWholeMs: cold.whole,
      repeatWholeMs: repeat.whole,
      repeatAppMs: repeat.app,
      jsBytes: js.bytes,
      jsFiles: js.files,
      jsIdleBytes: jsIdle.bytes,
      jsIdleFiles: jsIdle.files
    };
  } finally {
    await context.close();
  }
};

/** Sets `window.__joinFormAt` at the first animation frame holding the join page's name field (a string: see USABLE_PROBE). */
const JOIN_FORM_PROBE =
  '(function(){function tick(){if(document.querySelector(\'[data-testid="identity-name"]\')){window.__joinFormAt=performance.now();}else{requestAnimationFrame(tick);}}requestAnimationFrame(tick);})()';

interface JoinRun {
  formMs: number;
  jsBytes: number;
  jsFiles: number;
}

/** A new device opening the join link: until its name form is drawn. */
const joinRun = async (browser: Browser, base: string, joinCode: string, { phone }: Emulation): Promise<JoinRun> => {
  const context = await browser.newContext({ baseURL: base, ...screenOf(phone) });
  try {
    await context.addInitScript({ content: JOIN_FORM_PROBE });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (phone) await emulatePhone(cdp);
    const scripts = countScripts(cdp);
    await page.goto(`/join/${joinCode}`, { waitUntil: 'commit' });
    // Read once it is surely drawn, so that no poll of the test runner's runs in the page meanwhile.
    let formMs: number | undefined;
    for (let waited = 0; formMs === undefined && waited < Settings.usableTimeoutMs; waited += 2000) {
      await page.waitForTimeout(2000);
      formMs = await page.evaluate(() => (window as unknown as { __joinFormAt?: number }).__joinFormAt);
    }
    if (formMs === undefined) throw new Error('the join page drew no name form');
    const js = scripts.until(formMs);
    return { formMs, jsBytes: js.bytes, jsFiles: js.files };
  } finally {
    await context.close();
  }
};

const conditions = (runs: RunResult[], joins: JoinRun[]): WebPhoneConditions => ({
  joinForm: {
    ms: Math.round(median(joins.map((j) => j.formMs))),
    runs: joins.map((j) => Math.round(j.formMs)),
    jsKiB: Math.round(median(joins.map((j) => j.jsBytes / 1024)) * 10) / 10,
    jsFiles: median(joins.map((j) => j.jsFiles))
  },
  coldWholeMs: Math.round(median(runs.map((r) => r.coldWholeMs))),
  repeatWholeMs: Math.round(median(runs.map((r) => r.repeatWholeMs))),
  repeatAppMs: Math.round(median(runs.map((r) => r.repeatAppMs))),
  coldUsable: figure(
    runs.map((r) => r.coldMs),
    WebPhoneTargets.coldUsableMs,
    'ms'
  ),
  repeatUsable: figure(
    runs.map((r) => r.repeatMs),
    WebPhoneTargets.repeatUsableMs,
    'ms'
  ),
  boardPageJs: {
    ...figure(
      runs.map((r) => r.jsBytes / 1024),
      WebPhoneTargets.boardPageJsKiB,
      'KiB'
    ),
    files: median(runs.map((r) => r.jsFiles))
  },
  boardPageJsIdle: {
    value: Math.round(median(runs.map((r) => r.jsIdleBytes / 1024)) * 10) / 10,
    unit: 'KiB',
    files: median(runs.map((r) => r.jsIdleFiles))
  }
});

const line = (name: string, f: Figure): string =>
  `${name}: ${f.value} ${f.unit} (target ≤ ${f.target} ${f.unit}: ${f.met ? 'met' : 'not met'}; runs ${f.runs.join(', ')})`;

const browserUiLine = ({ count, cpuMs }: WebPhoneFigures['browserUi']): string =>
  count === 0
    ? 'Browser interface renderers beside the page: none'
    : `Browser interface renderers beside the page: ${count}, ${Math.round(cpuMs)} ms of CPU — a Chromium feature builds one that no phone has; turn it off in tests/e2e/utils/browser.ts (the figures above are slower for it)`;

export const webPhoneText = (figures: WebPhoneFigures): string =>
  [
    ...(['phone', 'localhost'] as const).map((where) => {
      const c = figures[where];
      const title = where === 'phone' ? 'Emulated phone (4× CPU, 1.6 Mbps, 150 ms, 390×844)' : 'Localhost (no emulation, 1280×800)';
      return [
        `${title}, board of ${figures.cards} cards, median of ${Settings.runs}:`,
        `  ${line('cold first open → board usable on the screen', c.coldUsable)}; every card drawn at ${c.coldWholeMs} ms`,
        `  ${line('repeat visit → board usable on the screen', c.repeatUsable)}; the app's own board at ${c.repeatAppMs} ms (the last view until then); every card drawn at ${c.repeatWholeMs} ms`,
        `  ${line(`board page JavaScript as received when usable (${c.boardPageJs.files} files)`, c.boardPageJs)}`,
        `  board page JavaScript as received once idle, lazy parts included: ${c.boardPageJsIdle.value} KiB (${c.boardPageJsIdle.files} files)`,
        `  join page (a new device opening the join link) → the code looked up and the name form drawn: ${c.joinForm.ms} ms (runs ${c.joinForm.runs.join(', ')}); JavaScript as received by then ${c.joinForm.jsKiB} KiB (${c.joinForm.jsFiles} files)`
      ].join('\n');
    }),
    browserUiLine(figures.browserUi)
  ].join('\n');

export const benchWebPhone = async ({ log }: { log: Log } = { log: console.log }): Promise<WebPhoneFigures> => {
  // BENCH_WEB_DIR: another build of the web app (an A/B of two builds on the same machine).
  const server = await startServer({ env: { LOG_LEVEL: 'info', WEB_DIR: process.env.BENCH_WEB_DIR } });
  const browser = await chromium.launch({
    executablePath: Settings.chromium,
    args: CHROMIUM_ARGS
  });
  try {
    const { workshop, board } = await seedBenchBoard(server, 'Bench phone', Settings.cards);

    const measure = async (phone: boolean): Promise<WebPhoneConditions> => {
      const runs: RunResult[] = [];
      for (let i = 0; i < Settings.runs; i++) {
        const run = await oneRun(browser, server.httpBase, workshop.id, board.id, workshop.tokens.delegate, { phone });
        log(
          `  ${phone ? 'phone' : 'localhost'} run ${i + 1}: cold ${Math.round(run.coldMs)} ms (all cards ${Math.round(run.coldWholeMs)}), ` +
            `repeat ${Math.round(run.repeatMs)} ms (the app's own ${Math.round(run.repeatAppMs)}, all cards ${Math.round(run.repeatWholeMs)}), ` +
            `JS ${(run.jsBytes / 1024).toFixed(1)} KiB in ${run.jsFiles} files when usable, ${(run.jsIdleBytes / 1024).toFixed(1)} KiB once idle`
        );
        runs.push(run);
      }
      const joins: JoinRun[] = [];
      for (let i = 0; i < Settings.runs; i++) joins.push(await joinRun(browser, server.httpBase, workshop.joinCode, { phone }));
      log(`  ${phone ? 'phone' : 'localhost'} join page: name form drawn at ${joins.map((j) => Math.round(j.formMs)).join(', ')} ms`);
      return conditions(runs, joins);
    };
    const phone = await measure(true);
    const localhost = await measure(false);
    // Read while the browser still runs: a popup it builds after each navigation stays open.
    const figures: WebPhoneFigures = { cards: Settings.cards, phone, localhost, browserUi: browserUiRenderers() };
    log(webPhoneText(figures));
    return figures;
  } finally {
    await browser.close();
    await server.close();
  }
};

// `node --import tsx tests/bench/web-phone.ts` runs this part of the bench alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  await benchWebPhone();
}
