/**
 * Work a first view does not need (re-reading the workshop, the server's clock, who the person
 * speaks for, the History/Export tools, the Thai/Khmer/CJK font faces) waits until the page has
 * drawn and is idle, so a slow phone spends its first seconds on the board, and the requests do not
 * queue before the ones that draw it.
 *
 * A view whose own data is still on its way can hold that work back (`holdIdleWork`): the board
 * does until its first sync, because a page waiting on its socket looks idle, and on slow Wi-Fi the
 * deferred requests and downloads would share the link with the board's bytes.
 *
 * Work that uses no network but would delay the first screen (the CJK font rules on a device that
 * has their files) waits only for the view's first screen (`whenDrawnAndIdle`, held back with
 * `holdUntilDrawn`): a page waiting on IndexedDB looks idle too.
 */

/** The longest a deferred task waits for an idle moment (a page that never idles still gets it). */
export const IDLE_TIMEOUT_MS = 2000;
/** The longest a view can hold deferred work back (a board whose socket never answers). */
export const MAX_HOLD_MS = 10_000;
/** Browsers without requestIdleCallback: a short pause after the current work. */
const FALLBACK_DELAY_MS = 200;

interface Deferred {
  run: () => void;
  schedule: () => void;
}

/** What deferred work waits for: the views holding it back, and the tasks whose idle moment came meanwhile. */
interface Gate {
  holds: number;
  /** Tasks whose idle moment came while work was held back: scheduled again once released. */
  waiting: Set<Deferred>;
}

/** Held by a view until its data has arrived (the board: until its first sync). */
const sync: Gate = { holds: 0, waiting: new Set() };
/** Held by a view until its first screen is drawn. */
const drawn: Gate = { holds: 0, waiting: new Set() };

const requestIdle = (run: () => void, timeoutMs: number): (() => void) => {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(() => run(), { timeout: timeoutMs });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(run, FALLBACK_DELAY_MS);
  return () => clearTimeout(id);
};

const deferBehind =
  (gate: Gate) =>
  (task: () => void, timeoutMs: number = IDLE_TIMEOUT_MS): (() => void) => {
    if (typeof window === 'undefined') return () => undefined;
    let cancelled = false;
    let cancelIdle: () => void = () => undefined;
    const deferred: Deferred = {
      run: () => {
        if (cancelled) return;
        if (gate.holds > 0) gate.waiting.add(deferred);
        else task();
      },
      schedule: () => {
        cancelIdle = requestIdle(deferred.run, timeoutMs);
      }
    };
    deferred.schedule();
    return () => {
      cancelled = true;
      cancelIdle();
      gate.waiting.delete(deferred);
    };
  };

const holdBack = (gate: Gate) => (): (() => void) => {
  gate.holds++;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    clearTimeout(timer);
    gate.holds--;
    if (gate.holds > 0) return;
    // Scheduled again, not run at once: the release comes while the view draws its data.
    const waiting = [...gate.waiting];
    gate.waiting.clear();
    for (const deferred of waiting) deferred.schedule();
  };
  const timer = setTimeout(release, MAX_HOLD_MS);
  return release;
};

/**
 * Runs `task` at the next idle moment (at most `timeoutMs` later) at which no view holds deferred
 * work back; returns a function that cancels it.
 */
export const whenIdle = deferBehind(sync);

/** Holds deferred work back until the returned function is called (or MAX_HOLD_MS has passed). */
export const holdIdleWork = holdBack(sync);

/**
 * Runs `task` at the next idle moment (at most `timeoutMs`) at which no view is still drawing its
 * first screen, whether or not its data has arrived: for work that sends nothing over the network.
 * Returns a function that cancels it.
 */
export const whenDrawnAndIdle = deferBehind(drawn);

/** Holds `whenDrawnAndIdle` work back until the returned function is called (or MAX_HOLD_MS has passed). */
export const holdUntilDrawn = holdBack(drawn);
