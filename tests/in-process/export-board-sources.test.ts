/**
 * A workshop export reads its boards one after another, with a turn of the event loop between
 * them (server/src/exports/load-boards.ts, `loadBoardSources`): an open board is encoded on the
 * event loop, and a workshop's boards encoded in one piece held the instance's sync and requests
 * for all of them. Real rooms on the embedded store.
 */
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { openPolicy } from '@plenary/server/sync/policy.ts';
import { loadBoardSources } from '@plenary/server/exports/load-boards.ts';
import type { BoardRef } from '@plenary/server/workshops/workshop.ts';
import { createCore, InProcessClient, type InProcessCore } from './support/in-process.ts';
import { waitFor } from '../utils/wait.ts';

const identity = { scope: 'w1', role: 'delegate' as const, generation: 2, readOnly: false };

describe("a workshop export's boards", () => {
  let core: InProcessCore | undefined;
  afterEach(async () => {
    await core?.close();
    core = undefined;
  });

  it('are read one per turn of the event loop, each open board as the room holds it', async () => {
    core = createCore(openPolicy(identity));
    const ids = ['env', 'culture', 'trade'];
    for (const boardId of ids) {
      const client = new InProcessClient(core, { boardId, ...identity, expiresAt: Date.now() + 60_000 });
      await client.connect(core);
      client.doc.getMap('cards').set('c1', `a card on ${boardId}`);
      await waitFor(() => core!.rooms.get(boardId)?.loaded === true && core!.rooms.get(boardId)!.doc.getMap('cards').has('c1'), 2000, `${boardId} open`);
    }
    const refs = ids.map((id) => ({ id, theme: id }) as BoardRef);

    let turns = 0;
    let counting = true;
    const count = () => {
      turns++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const sources = await loadBoardSources(core.store, core.rooms, refs, () => undefined);
    counting = false;

    // The loop turned between the boards (read all at once, it did not turn at all).
    expect(turns).toBeGreaterThanOrEqual(ids.length - 1);
    expect(sources.map((s) => s.ref.id)).toEqual(ids);
    for (const [i, source] of sources.entries()) {
      expect(source.live).toBe(true);
      const doc = new Y.Doc();
      for (const update of source.updates!) Y.applyUpdate(doc, update);
      expect(doc.getMap('cards').get('c1')).toBe(`a card on ${ids[i]}`);
    }
  });
});
