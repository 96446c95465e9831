/** Polling instead of fixed sleeps: tests wait for a condition, never for a guessed duration. */

/**
 * Polls `predicate` until it returns true (or a value other than false/undefined/null), which is
 * returned. Throws after `timeoutMs`, naming `what` and the predicate's last error if it threw.
 */
export const waitFor = async <T>(
  predicate: () => T | Promise<T>,
  timeoutMs = 10_000,
  what = 'condition',
  intervalMs = 25
): Promise<Exclude<T, false | undefined | null>> => {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value !== false && value !== undefined && value !== null) return value as Exclude<T, false | undefined | null>;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
};

/** Resolves after `ms`. Only for letting time pass on purpose (e.g. "stays connected for 70 s"), never to wait for a result. */
export const elapse = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
