/**
 * Work a first view does not need (re-reading the workshop, the server's clock, who the person
 * speaks for, the History/Export tools, the Thai/Khmer/CJK font faces) waits until the page has
 * drawn and is idle, so a slow phone spends its first seconds on the board, and the requests do not
 * queue before the ones that draw it.
 *
 * A view whose own data is still on its way can hold that work back (`holdIdleWork`): the board
 * does until its first sync, because a page waiting on its socket looks idle, and on slow Wi-Fi the
 * deferred requests and downloads would share the link with the board's bytes.
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

let holds = 0;
/** Tasks whose idle moment came while work was held back: scheduled again once released. */
const held = new Set<Deferred>();

const requestIdle = (run: () => void, timeoutMs: number): (() => void) => {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(() => run(), { timeout: timeoutMs });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(run, FALLBACK_DELAY_MS);
  return () => clearTimeout(id);
};

/**
 * Runs `task` at the next idle moment (at most `timeoutMs` later) at which no view holds deferred
 * work back; returns a function that cancels it.
 */
export const whenIdle = (task: () => void, timeoutMs: number = IDLE_TIMEOUT_MS): (() => void) => {
  if (typeof window === 'undefined') return () => undefined;
  let cancelled = false;
  let cancelIdle: () => void = () => undefined;
  const deferred: Deferred = {
    run: () => {
      if (cancelled) return;
      if (holds > 0) held.add(deferred);
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
    held.delete(deferred);
  };
};

/** Holds deferred work back until the returned function is called (or MAX_HOLD_MS has passed). */
export const holdIdleWork = (): (() => void) => {
  holds++;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    clearTimeout(timer);
    holds--;
    if (holds > 0) return;
    // Scheduled again, not run at once: the release comes while the view draws its data.
    const waiting = [...held];
    held.clear();
    for (const deferred of waiting) deferred.schedule();
  };
  const timer = setTimeout(release, MAX_HOLD_MS);
  return release;
};
