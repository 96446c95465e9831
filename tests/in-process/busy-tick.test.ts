/**
 * A busy server gathers more edits into each frame (sync/tick-pacer.ts, sync/room-tick.ts): after
 * a saturated stretch the room holds an edit for up to TICK_MAX_MS and sends what came meanwhile
 * as one update; with a fixed short tick every edit goes out on its own. Both clients end up
 * equal. (How the tick follows the loop's utilisation is tests/unit/tick-pacer.test.ts.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openPolicy } from '@plenary/server/sync/policy.ts';
import { waitFor } from '../utils/wait.ts';
import { createCore, InProcessClient, type InProcessCore } from './support/in-process.ts';

const identity = { scope: 'w1', role: 'delegate' as const, generation: 1, readOnly: false };
const info = { boardId: 'busy-board', ...identity, expiresAt: Date.now() + 600_000 };
const TICK_MAX_MS = 1_000;
/** An edit sent at once reaches the other client long before a busy tick would end. */
const SHORT_TICK_DEADLINE_MS = TICK_MAX_MS / 2;

const occupyLoop = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    /* busy */
  }
};
const idle = (ms: number) => new Promise((r) => setTimeout(r, ms));

let core: InProcessCore | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

/** Two synced clients of one board; returns how many update frames the second received for three edits of the first. */
const threeEdits = async (busy: boolean): Promise<{ frames: number; writer: InProcessClient; reader: InProcessClient }> => {
  core = createCore(openPolicy(identity), { env: { TICK_MS: '1', TICK_MAX_MS: busy ? String(TICK_MAX_MS) : '1' } });
  const writer = new InProcessClient(core, info);
  const reader = new InProcessClient(core, info);
  await writer.connect(core);
  await reader.connect(core);
  await waitFor(() => writer.synced && reader.synced, 5_000, 'both synced');
  await idle(20);
  const before = reader.received.filter((k) => k === 'update').length;
  const text = writer.doc.getText('notes');
  if (busy) {
    // The pacer's own sampling is stopped so that its overdue reading, taken the moment the loop
    // is free again, does not end the long tick before the edits arrive: this test is about the
    // room following the pacer (how the pacer reads the loop is tests/unit/tick-pacer.test.ts).
    core.rooms.pacer.stop();
    core.rooms.pacer.sample();
    occupyLoop(200);
    core.rooms.pacer.sample();
  }
  let written = '';
  for (const word of ['one ', 'two ', 'three']) {
    text.insert(text.length, word);
    written += word;
    if (busy && word !== 'one ') {
      await idle(10);
    } else {
      // An edit that goes out at once (each one with a short tick; the first after a quiet spell
      // with a long one) reaches the reader before the next is made, well within a long tick.
      // Edits 10 ms apart by the clock went out two in one frame once on a loaded machine (the
      // full suite beside the browser tests): the spacing was a race, this is not.
      const sofar = written;
      await waitFor(() => reader.doc.getText('notes').toString() === sofar, SHORT_TICK_DEADLINE_MS, `"${sofar}" at the reader`, 1);
    }
  }
  await waitFor(() => reader.doc.getText('notes').toString() === 'one two three', 5_000, 'the reader has every edit');
  return { frames: reader.received.filter((k) => k === 'update').length - before, writer, reader };
};

describe('the tick on a busy server', () => {
  it("sends a new room's first edit at once, however long the tick (the process's age does not count as a recent flush)", async () => {
    // A tick far longer than this process has lived: the first edit must still not wait for it.
    core = createCore(openPolicy(identity), { env: { TICK_MS: '600000', TICK_MAX_MS: '600000' } });
    const writer = new InProcessClient(core, info);
    const reader = new InProcessClient(core, info);
    await writer.connect(core);
    await reader.connect(core);
    writer.doc.getText('notes').insert(0, 'first');
    await waitFor(() => reader.doc.getText('notes').toString() === 'first', 2_000, 'the first edit at the reader');
  });

  it('sends each edit on its own with a fixed short tick', async () => {
    const { frames } = await threeEdits(false);
    expect(frames).toBe(3);
  });

  it('merges the edits that arrive within the longer tick once the server has been saturated', async () => {
    const { frames, reader, writer } = await threeEdits(true);
    // The first goes at once (the room had not flushed for a while); the next two wait for the tick.
    expect(frames).toBe(2);
    expect(reader.doc.getText('notes').toString()).toBe(writer.doc.getText('notes').toString());
  });
});
