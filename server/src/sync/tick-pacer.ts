/**
 * How long a room's tick lasts, from how busy this process has been lately. A quiet server sends
 * each edit on the next turn of the event loop (TICK_MS); a busy one lets each room gather a few
 * more edits into one frame (up to TICK_MAX_MS). Every flush costs a merge and one socket write
 * per connection whatever it holds (at 4,800 edits/s over 16 boards of 30 the socket writes were a
 * third of the server's CPU), so near saturation fewer, fuller flushes leave the event loop time
 * to read what clients send — the wait a person feels is then bounded by the tick, not by a queue
 * growing behind a saturated loop. Below that the short tick stays: lengthening it from half
 * load on raised the median wait at 1,440 edits/s for no gain.
 *
 * Busy means event-loop utilisation (the share of time the loop was running callbacks, from
 * `performance.eventLoopUtilization`), sampled every SAMPLE_MS: up to QUIET the tick is TICK_MS,
 * from SATURATED on it is TICK_MAX_MS, linear in between.
 */
import { performance, type EventLoopUtilization } from 'node:perf_hooks';

const SAMPLE_MS = 100;
const QUIET = 0.75;
const SATURATED = 0.95;

export class TickPacer {
  private last: EventLoopUtilization = performance.eventLoopUtilization();
  private current: number;
  private readonly timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly minMs: number,
    private readonly maxMs: number
  ) {
    this.current = minMs;
    if (maxMs > minMs) {
      this.timer = setInterval(() => this.sample(), SAMPLE_MS);
      this.timer.unref();
    }
  }

  /** The tick to use now, in milliseconds. */
  get tickMs(): number {
    return this.current;
  }

  /** Takes one reading of the loop's utilisation since the last (exposed for tests and metrics). */
  sample(): number {
    const now = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(now, this.last).utilization;
    this.last = now;
    this.current = tickFor(busy, this.minMs, this.maxMs);
    return busy;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

/** The tick for a utilisation between 0 and 1. */
export const tickFor = (utilisation: number, minMs: number, maxMs: number): number => {
  if (utilisation <= QUIET) return minMs;
  if (utilisation >= SATURATED) return maxMs;
  return minMs + ((utilisation - QUIET) / (SATURATED - QUIET)) * (maxMs - minMs);
};
