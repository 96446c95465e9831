/**
 * A board's workshop control document is read beside the board, not after it (the policy's
 * `beforeLoad`, facilitation/policy.ts): the store is held on the board's read until the control
 * document's read has begun. Without the hook the control document is read only once the board's
 * read is done, so the hold runs out instead.
 */
import { controlDocName } from '@plenary/shared/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '@plenary/server/persistence/store.ts';
import { createInProcessApp, fromLoopback } from './support/app.ts';

const HOLD_MS = 2_000;

/** A store that holds the board's read until `released` (or HOLD_MS), telling which released it. */
const holdingBoardReads = (boardOf: () => string | null, controlOf: () => string | null) => {
  const reads: string[] = [];
  let release: (() => void) | null = null;
  const wrap = (real: Store): Store =>
    new Proxy(real, {
      get(target, key) {
        if (key === 'loadDoc') {
          return async (name: string) => {
            reads.push(`begin ${name}`);
            if (name === controlOf()) release?.();
            if (name === boardOf()) {
              const released = await new Promise<boolean>((resolve) => {
                release = () => resolve(true);
                setTimeout(() => resolve(false), HOLD_MS);
              });
              reads.push(released ? 'board released by the control document' : 'board released by the clock');
            }
            return target.loadDoc(name);
          };
        }
        const value = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      }
    });
  return { wrap, reads };
};

describe('loading a board', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('reads its workshop control document beside the board, not after it', async () => {
    let boardId: string | null = null;
    let controlId: string | null = null;
    const held = holdingBoardReads(
      () => boardId,
      () => controlId
    );
    const app = createInProcessApp('plenary-load-order-', { wrapStore: held.wrap });
    close = app.close;
    const created = await app.app.request(
      '/api/workshops',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Sister cities', themes: ['Environment'] }) },
      fromLoopback
    );
    expect(created.status).toBe(201);
    const workshop = (await created.json()) as { id: string; boards: { id: string }[] };
    // Nothing loaded: the next join reads both from the store, as after a restart.
    await app.services.rooms.drainAll(5_000);
    await app.services.rooms.destroyAll();
    boardId = workshop.boards[0]!.id;
    controlId = controlDocName(workshop.id);
    held.reads.length = 0;

    await app.services.rooms.joinable(boardId);
    expect(held.reads).toEqual([`begin ${boardId}`, `begin ${controlId}`, 'board released by the control document']);
  });
});
