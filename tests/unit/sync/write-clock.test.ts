/**
 * The process's write clock (server/src/sync/write-clock.ts): every room with something to write
 * writes at the same tick, in one turn of the event loop, so the store can commit them together.
 */
import { describe, expect, it } from 'vitest';
import { WriteClock, WRITE_INTERVAL_MS } from '@plenary/server/sync/write-clock.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('write clock', () => {
  it('writes rooms enlisted at different moments at the same tick, in one turn of the event loop', async () => {
    const clock = new WriteClock();
    const calls: string[] = [];
    let turnEnded = false;
    // Enlisted early in an interval, so that both wait for the same next tick (a sleep until the
    // tick could wake just before it, the event loop's clock being a little behind).
    while (clock.untilNextTick(performance.now()) < WRITE_INTERVAL_MS / 2) await new Promise((r) => setImmediate(r));
    clock.enlist(() => {
      calls.push('a');
      setImmediate(() => (turnEnded = true));
    });
    // Its timer is due before the clock's, so it runs first however late both are.
    await sleep(3);
    clock.enlist(() => calls.push(turnEnded ? 'b, a turn later' : 'b'));
    await sleep(WRITE_INTERVAL_MS * 2);
    expect(calls).toEqual(['a', 'b']);
    clock.stop();
  });

  it('writes a room once per tick however often it is enlisted, and not at all once cancelled', async () => {
    const clock = new WriteClock();
    let writes = 0;
    const write = () => writes++;
    for (let i = 0; i < 5; i++) clock.enlist(write);
    await sleep(WRITE_INTERVAL_MS * 2);
    expect(writes).toBe(1);
    clock.enlist(write);
    clock.cancel(write);
    await sleep(WRITE_INTERVAL_MS * 2);
    expect(writes).toBe(1);
    clock.stop();
  });

  it('ticks on the interval: the next tick is never this moment', () => {
    const clock = new WriteClock(20);
    expect(clock.untilNextTick(0)).toBe(20);
    expect(clock.untilNextTick(5)).toBe(15);
    expect(clock.untilNextTick(39.5)).toBe(1);
    expect(clock.untilNextTick(40)).toBe(20);
  });
});
