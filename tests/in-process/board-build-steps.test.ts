/**
 * A large board is built into the server's document a step at a time (sync/room-build.ts, used by
 * `integrateInSteps` in sync/room.ts): one of its stored slices per turn of the event loop, so the
 * instance's other boards keep moving while it is built, and what arrives for the large board
 * meanwhile waits for it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openPolicy } from '@plenary/server/sync/policy.ts';
import { STORE } from '@plenary/server/sync/origins.ts';
import { waitFor } from '../utils/wait.ts';
import { createCore, InProcessClient, type InProcessCore } from './support/in-process.ts';
import { content, storeCrashedBoard } from './support/crashed-board.ts';

const identity = { scope: 'w1', role: 'delegate' as const, generation: 2, readOnly: false };
const info = (boardId: string) => ({ boardId, ...identity, expiresAt: Date.now() + 60_000 });

describe('building a large board (in-process)', () => {
  let core: InProcessCore | undefined;
  afterEach(async () => {
    await core?.close();
    core = undefined;
  });

  it("lets another board's edit reach its people before the large board is built, and applies an edit sent to it meanwhile after", async () => {
    // A fixed tick: a paced one lengthens while the loop is busy building, past a small build's end.
    core = createCore(openPolicy(identity), { env: { TICK_MS: '2', TICK_MAX_MS: '2' } });
    const expected = await storeCrashedBoard(core.store, 'large', { snapshot: 30_000, log: 40, writers: 3 });
    const parts = (await core.store.loadDoc('large'))!.snapshotParts;
    expect(parts).toBeGreaterThanOrEqual(4);

    // Two people on a small board, both synced.
    const amara = new InProcessClient(core, info('small'));
    const bilal = new InProcessClient(core, info('small'));
    await amara.connect(core);
    await bilal.connect(core);
    await waitFor(() => amara.synced && bilal.synced, 2000, 'the small board synced');

    // A device on the large board, answered from the stored bytes before the board is built.
    const chen = new InProcessClient(core, info('large'));
    await chen.connect(core);
    await waitFor(() => chen.synced, 5000, 'the large board answered from its stored bytes');
    const large = core.rooms.get('large')!;
    expect(large.loaded).toBe(false);

    // Once the build has applied its first step, Amara edits the small board and Chen the large one.
    let largeBuiltWhenBilalSaw: boolean | null = null;
    bilal.doc.getMap('cards').observe(() => {
      largeBuiltWhenBilalSaw ??= large.loaded;
    });
    let steps = 0;
    large.doc.on('afterTransaction', (transaction: { origin: unknown }) => {
      if (transaction.origin !== STORE) return;
      steps++;
      if (steps !== 1) return;
      amara.doc.getMap('cards').set('small-1', 'a card on the small board');
      chen.doc.getMap('cards').set('c3', 'a card sent while the board was built');
    });
    await core.rooms.open('large');

    // Each of the snapshot's slices a step of its own, then the log.
    expect(steps).toBe(parts + 1);
    await waitFor(() => largeBuiltWhenBilalSaw !== null, 2000, "Amara's card at Bilal");
    expect(largeBuiltWhenBilalSaw).toBe(false);
    // The large board is complete, with Chen's card applied after it.
    expected.getMap('cards').set('c3', 'a card sent while the board was built');
    await waitFor(() => large.doc.getMap('cards').has('c3'), 2000, "Chen's card in the built board");
    expect(content(large.doc)).toEqual(content(expected));
  });
});
