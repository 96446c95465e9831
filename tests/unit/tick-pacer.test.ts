/**
 * The tick's length follows how busy the process is (server/src/sync/tick-pacer.ts): TICK_MS while
 * the event loop has time to spare, up to TICK_MAX_MS once it runs callbacks nearly all the time.
 */
import { describe, expect, it } from 'vitest';
import { TickPacer, tickFor } from '@plenary/server/sync/tick-pacer.ts';

/** Keeps the event loop running a callback for `ms`, as a saturated server's would. */
const occupyLoop = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    /* busy */
  }
};
const idle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the tick pacer', () => {
  it('maps utilisation to a tick between the shortest and the longest', () => {
    expect(tickFor(0, 2, 12)).toBe(2);
    expect(tickFor(0.75, 2, 12)).toBe(2);
    expect(tickFor(0.85, 2, 12)).toBeCloseTo(7);
    expect(tickFor(0.95, 2, 12)).toBe(12);
    expect(tickFor(1, 2, 12)).toBe(12);
  });

  it('lengthens the tick after a saturated stretch and shortens it again once the loop is idle', async () => {
    const pacer = new TickPacer(2, 12);
    try {
      expect(pacer.tickMs).toBe(2);
      pacer.sample();
      occupyLoop(200);
      expect(pacer.sample()).toBeGreaterThan(0.95);
      expect(pacer.tickMs).toBe(12);
      // Idle for 200 ms at a time until a whole stretch was idle: on a loaded machine another
      // test's work in this worker can fill a stretch (bounded: ten tries).
      let utilisation = 1;
      for (let attempt = 0; attempt < 10 && utilisation >= 0.75; attempt++) {
        pacer.sample();
        await idle(200);
        utilisation = pacer.sample();
      }
      expect(utilisation).toBeLessThan(0.75);
      expect(pacer.tickMs).toBe(2);
    } finally {
      pacer.stop();
    }
  });

  it('keeps a fixed tick when the longest equals the shortest', () => {
    const pacer = new TickPacer(5, 5);
    occupyLoop(50);
    pacer.sample();
    expect(pacer.tickMs).toBe(5);
    pacer.stop();
  });
});
