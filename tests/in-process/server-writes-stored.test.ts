/**
 * A change the server makes itself (a consent answer, a banner, a lock) is stored before the
 * request that made it is answered: an answer saying "done" is never undone by a crash right
 * after it. And a fresh read sees what another instance stored a moment ago, before that
 * instance's message about it arrives.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlDocName } from '@plenary/shared/protocol';
import { createServerDocs, type ServerDocs } from '@plenary/server/documents/server-docs.ts';
import { openPolicy } from '@plenary/server/sync/policy.ts';
import { createWorkshopRepository } from '@plenary/server/workshops/repository.ts';
import { createCore, type InProcessCore } from './support/in-process.ts';

const identity = { scope: 'w1', role: 'facilitator', generation: 0, readOnly: false } as const;

const storedText = async (core: InProcessCore, name: string, key: string): Promise<string> => {
  const stored = await core.store.loadDoc(name);
  const doc = new Y.Doc();
  for (const u of stored?.updates ?? []) Y.applyUpdate(doc, u);
  return doc.getMap('test').get(key) as string;
};

describe('server writes (in-process)', () => {
  let core: InProcessCore;
  let docs: ServerDocs;
  beforeAll(() => {
    core = createCore(openPolicy(identity));
    docs = createServerDocs(core.rooms, createWorkshopRepository(core.store));
  });
  afterAll(() => core.close());

  it('resolves a write only once the store holds it', async () => {
    const name = controlDocName('w-stored');
    for (let i = 0; i < 3; i++) {
      await docs.withControl('w-stored', (doc) => doc.getMap('test').set('answer', `endorse ${i}`));
      // Read straight from the store, as a server started after a crash would.
      expect(await storedText(core, name, 'answer')).toBe(`endorse ${i}`);
    }
  });

  it('a fresh read takes in what the store holds that this instance has not heard of', async () => {
    const name = controlDocName('w-fresh');
    await docs.readControl('w-fresh', () => null);
    // Another instance stores an edit; its message to this instance has not arrived.
    const elsewhere = new Y.Doc();
    elsewhere.getMap('test').set('answer', 'object');
    await core.store.appendUpdates(name, [Y.encodeStateAsUpdate(elsewhere)]);
    expect(await docs.readControl('w-fresh', (doc) => doc.getMap('test').get('answer'))).toBeUndefined();
    expect(await docs.readControl('w-fresh', (doc) => doc.getMap('test').get('answer'), { fresh: true })).toBe('object');
  });
});
