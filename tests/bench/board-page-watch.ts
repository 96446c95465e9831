/**
 * Watching a board page in Chromium for the phone bench (tests/bench/web-phone.ts): when the board
 * is usable on the screen and wholly drawn (a probe run in the page), which scripts had arrived by
 * then (CDP network events), and the waterfall of every response and sync frame.
 */
import type { CDPSession } from 'playwright-core';

/** The CDP binding the probe reports through (watchUsable). */
const REPORT = '__plenaryBenchUsable';

/**
 * Sets `window.__firstScreenAt`, `window.__appScreenAt` and `window.__wholeAt`: the page's own clock
 * (ms since the navigation started) at the first frame at which the board is usable on the screen,
 * at which the app's own board is, and at which every card is drawn. A string, so the test runner's
 * transform adds nothing that does not exist in the page.
 *
 * Usable on the screen: the board's counts add up to every card (the board is known, not a part of
 * it), each open lane that is on the screen shows its cards down to the bottom of the screen (or
 * all of them), and a card's text field is there and not read-only. A returning device first shows
 * the board's last view (web/src/lib/last-view: the service worker puts it in the page's HTML, and
 * what is typed in its cards is carried into the app): usable there counts as usable on the screen,
 * and the app's own board is timed apart. Every card drawn: each open lane of the app holds as many
 * cards as its count (the app draws a long lane's cards past the first screen in the idle moments
 * after it, web/src/lib/board/progressive.svelte.ts). Once every card is drawn it reports the three
 * moments through the REPORT binding, when the page has it (watchUsable).
 */
export const USABLE_PROBE = `(() => {
  const VIEW = '[data-last-view]';
  const scopes = () => {
    const view = document.querySelector(VIEW);
    const app = { find: (selector) => [...document.querySelectorAll(selector)].filter((el) => !el.closest(VIEW)), testid: 'data-testid' };
    return view ? [app, { find: (selector) => [...view.querySelectorAll(selector)], testid: 'data-seen-testid' }] : [app];
  };
  const lanesKnown = (scope) => {
    const lanes = scope.find('[data-lane]');
    let total = 0;
    for (const lane of lanes) total += Number(lane.dataset.count);
    return lanes.length > 0 && total >= CARDS ? lanes : null;
  };
  const editable = (scope) => {
    const field = scope.find('[' + scope.testid + '="card"] [' + scope.testid + '="card-text"]')[0];
    return !!field && !field.readOnly && !field.disabled;
  };
  const open = (lane) => !lane.classList.contains('collapsed');
  const cardsOf = (lane) => lane.querySelectorAll('[data-card-id]');
  const drawn = (lane) => cardsOf(lane).length === Number(lane.dataset.count);
  const screenFull = (lane) => {
    const box = lane.getBoundingClientRect();
    if (box.right <= 0 || box.left >= innerWidth || box.bottom <= 0 || box.top >= innerHeight) return true;
    if (drawn(lane)) return true;
    const cards = cardsOf(lane);
    const last = cards[cards.length - 1];
    if (!last) return false;
    const list = lane.querySelector('[data-card-list]');
    const bottom = Math.min(list ? list.getBoundingClientRect().bottom : innerHeight, innerHeight);
    return last.getBoundingClientRect().bottom >= bottom;
  };
  const usable = (scope) => {
    const lanes = lanesKnown(scope);
    return lanes && editable(scope) && lanes.filter(open).every(screenFull) ? lanes : null;
  };
  const tick = () => {
    const [app, view] = scopes();
    if (view && window.__firstScreenAt === undefined && usable(view)) window.__firstScreenAt = performance.now();
    const lanes = usable(app);
    if (lanes) {
      window.__firstScreenAt ??= performance.now();
      window.__appScreenAt ??= performance.now();
    }
    const known = lanesKnown(app);
    if (known && editable(app) && known.filter(open).every(drawn)) {
      window.__firstScreenAt ??= performance.now();
      window.__appScreenAt ??= performance.now();
      window.__wholeAt = performance.now();
      if (typeof window.REPORT === 'function') window.REPORT(JSON.stringify([window.__firstScreenAt, window.__wholeAt, window.__appScreenAt]));
      return;
    }
    requestAnimationFrame(tick);
  };
  tick();
})()`.replaceAll('REPORT', REPORT);

/**
 * Waits for the board to be usable on the screen and wholly drawn in the tab of `cdp`: call before
 * navigating, await the returned function after. The probe reports through a CDP binding rather
 * than being polled with Playwright's waitForFunction, which injects the test runner's own script
 * (about 30 ms of parsing at 1×, more at the phone's 4×) and runs a poll in the page while it is
 * being measured.
 */
export const watchUsable = async (cdp: CDPSession): Promise<(timeoutMs: number) => Promise<{ screen: number; whole: number; app: number }>> => {
  let reported: (times: [number, number, number]) => void = () => {};
  const times = new Promise<[number, number, number]>((resolve) => (reported = resolve));
  cdp.on('Runtime.bindingCalled', (event: { name: string; payload: string }) => {
    if (event.name === REPORT) reported(JSON.parse(event.payload) as [number, number, number]);
  });
  // Bindings report to a session that has the Runtime domain on (it then also hears of every new
  // document's script context, which costs the page nothing measurable).
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', { name: REPORT });
  return async (timeoutMs) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the board was not usable and wholly drawn within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const [screen, whole, app] = await Promise.race([times, late]);
      return { screen, whole, app };
    } finally {
      clearTimeout(timer);
    }
  };
};

/**
 * Sums the bytes received for script responses seen by `cdp`: `until(ms)` those whose last byte
 * came within `ms` of the navigation's start (the page's own clock, as the usable moment is
 * measured), `stop()` all of them so far. The navigation starts when its document is asked for.
 */
export const countScripts = (
  cdp: CDPSession
): { until: (pageMs: number) => { files: number; bytes: number }; stop: () => { files: number; bytes: number } } => {
  const scripts = new Set<string>();
  const finished = new Map<string, { bytes: number; at: number }>();
  let navigationAt: number | null = null;
  const onRequest = (event: { type?: string; timestamp: number }) => {
    if (event.type === 'Document' && navigationAt === null) navigationAt = event.timestamp;
  };
  const onResponse = (event: { requestId: string; type?: string; response: { url: string; mimeType: string } }) => {
    if (event.type === 'Script' || event.response.mimeType.includes('javascript')) scripts.add(event.requestId);
  };
  const onFinished = (event: { requestId: string; encodedDataLength: number; timestamp: number }) => {
    finished.set(event.requestId, { bytes: event.encodedDataLength, at: event.timestamp });
  };
  cdp.on('Network.requestWillBeSent', onRequest);
  cdp.on('Network.responseReceived', onResponse);
  cdp.on('Network.loadingFinished', onFinished);
  const sum = (pageMs: number) => {
    let total = 0;
    let files = 0;
    for (const id of scripts) {
      const done = finished.get(id);
      if (!done || navigationAt === null || (done.at - navigationAt) * 1000 > pageMs) continue;
      total += done.bytes;
      files++;
    }
    return { files, bytes: total };
  };
  return {
    until: sum,
    stop: () => {
      cdp.off('Network.requestWillBeSent', onRequest);
      cdp.off('Network.responseReceived', onResponse);
      cdp.off('Network.loadingFinished', onFinished);
      return sum(Number.POSITIVE_INFINITY);
    }
  };
};

/**
 * Every response of a page's navigation as a line (the phone bench prints them with BENCH_PHONE_TRACE): when it was asked for and
 * when its last byte came (ms after the navigation was asked for), its bytes as received and its
 * address — the waterfall behind the cold figure.
 */
export const traceResponses = (cdp: CDPSession): (() => string[]) => {
  const started = new Map<string, { at: number; url: string; type: string }>();
  const lines: string[] = [];
  let origin: number | null = null;
  cdp.on('Network.requestWillBeSent', (e: { requestId: string; timestamp: number; type?: string; request: { url: string } }) => {
    origin ??= e.timestamp;
    started.set(e.requestId, { at: e.timestamp, url: e.request.url, type: e.type ?? '' });
  });
  cdp.on('Network.loadingFinished', (e: { requestId: string; timestamp: number; encodedDataLength: number }) => {
    const s = started.get(e.requestId);
    if (!s || origin === null) return;
    const path = s.url.replace(/^https?:\/\/[^/]+/, '').slice(0, 90);
    lines.push(`${Math.round((s.at - origin) * 1000)}\t${Math.round((e.timestamp - origin) * 1000)}\t${e.encodedDataLength}\t${s.type}\t${path}`);
  });
  // The board's own bytes come over the sync socket: each frame received, with its size.
  cdp.on('Network.webSocketFrameReceived', (e: { timestamp: number; response: { payloadData: string; opcode: number } }) => {
    if (origin === null) return;
    const at = Math.round((e.timestamp - origin) * 1000);
    // Binary payloads come base64-encoded: three bytes for every four characters.
    const bytes = e.response.opcode === 2 ? Math.floor((e.response.payloadData.length * 3) / 4) : e.response.payloadData.length;
    lines.push(`${at}\t${at}\t${bytes}\tframe\t(sync socket)`);
  });
  return () => ['asked ms\tdone ms\tbytes\ttype\taddress', ...lines.sort((a, b) => Number(a.split('\t')[1]) - Number(b.split('\t')[1]))];
};
