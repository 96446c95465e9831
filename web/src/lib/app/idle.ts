/**
 * Work a first view does not need (re-reading the workshop, the server's clock, who the person
 * speaks for) waits until the page has drawn and is idle, so a slow phone spends its first seconds
 * on the board, and the requests do not queue before the ones that draw it.
 */

/** The longest a deferred task waits for an idle moment (a page that never idles still gets it). */
export const IDLE_TIMEOUT_MS = 2000;
/** Browsers without requestIdleCallback: a short pause after the current work. */
const FALLBACK_DELAY_MS = 200;

/** Runs `task` at the next idle moment (at most `timeoutMs` later); returns a function that cancels it. */
export const whenIdle = (task: () => void, timeoutMs: number = IDLE_TIMEOUT_MS): (() => void) => {
  if (typeof window === 'undefined') return () => undefined;
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(() => task(), { timeout: timeoutMs });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(task, FALLBACK_DELAY_MS);
  return () => clearTimeout(id);
};
