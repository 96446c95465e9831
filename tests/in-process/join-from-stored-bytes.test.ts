/**
 * Joining a board that is still loading (sync/whole-state.ts, sync/room-manager.ts): the first
 * clients are answered from the bytes the store holds — its snapshot and the log not yet folded
 * into it, as after a crash — while the room integrates them into its Y.Doc. Each client gets the
 * stored board exactly, by the time it is synced; what arrives meanwhile (another instance's
 * edit, another client's) reaches it afterwards as ordinary updates; the policy still runs before
 * any byte is sent, and a room whose checks read its own document is integrated before them.
 */
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '@plenary/shared/protocol';
import { openPolicy, type PolicyRoom, type SyncPolicy } from '@plenary/server/sync/policy.ts';
import { frames } from '../utils/clients.ts';
import { waitFor } from '../utils/wait.ts';
import { createCore, InProcessClient, TestBus, type InProcessCore } from './support/in-process.ts';
import { content, storeCrashedBoard } from './support/crashed-board.ts';

const identity = { scope: 'w1', role: 'delegate' as const, generation: 2, readOnly: false };
const info = (boardId: string, extra: Partial<typeof identity> = {}) => ({ boardId, ...identity, ...extra, expiresAt: Date.now() + 60_000 });

describe('joining while the board loads (in-process)', () => {
  let core: InProcessCore | undefined;
  afterEach(async () => {
    await core?.close();
    core = undefined;
  });

  it('answers a fresh client from the stored snapshot and log, complete by the time it is synced', async () => {
    core = createCore(openPolicy(identity));
    const expected = await storeCrashedBoard(core.store, 'raw-1');
    const client = new InProcessClient(core, info('raw-1'));
    await client.connect(core);
    const room = core.rooms.get('raw-1')!;
    // Answered before the room built its document: the bytes were sent as the store holds them.
    expect(room.loaded).toBe(false);
    expect(client.synced).toBe(true);
    expect(content(client.doc)).toEqual(content(expected));
    // The snapshot went first as an update, then step 2 with the log; the server's own step 1 waits for the document.
    expect(client.received).toEqual(['update', 'step2']);
    await waitFor(() => room.loaded, 2000, 'the room to integrate');
    expect(client.received).toEqual(['update', 'step2', 'step1']);
    expect(content(room.doc)).toEqual(content(expected));
  });

  it('sends a fresh client the snapshot at once and merges the log only once the snapshot has left, so the merge never holds the board back', async () => {
    core = createCore(openPolicy(identity));
    const expected = await storeCrashedBoard(core.store, 'parts-1');
    const client = new InProcessClient(core, info('parts-1'));
    const room = await core.rooms.joinable('parts-1');
    client.conn.attach(room);
    client.conn.receive(frames.syncStep1(client.doc));
    // Within the step 1's handling: the snapshot only (the first card, not yet the log's edits).
    expect(client.received).toEqual(['update']);
    expect(client.synced).toBe(false);
    expect(client.doc.getMap('cards').get('c1')).toBe('first card');
    // Once the socket reports the snapshot handed over: the log, merged, in step 2.
    await waitFor(() => client.synced, 1000, 'step 2 with the log');
    expect(client.received).toEqual(['update', 'step2']);
    expect(content(client.doc)).toEqual(content(expected));

    // A second fresh client gets the same: the snapshot's frame, then the log merged once.
    const second = new InProcessClient(core, info('parts-1'));
    await second.connect(core);
    expect(second.received).toEqual(['update', 'step2']);
    expect(content(second.doc)).toEqual(content(expected));
  });

  it('sends a large board in its stored slices, an update each, that the device applies one by one with nothing pending, then step 2', async () => {
    core = createCore(openPolicy(identity));
    const expected = await storeCrashedBoard(core.store, 'slices-1', { snapshot: 30_000, log: 40, writers: 3 });
    const parts = (await core.store.loadDoc('slices-1'))!.snapshotParts;
    expect(parts).toBeGreaterThan(2);
    const client = new InProcessClient(core, info('slices-1'));
    const pending: boolean[] = [];
    client.doc.on('afterTransaction', () => pending.push(client.doc.store.pendingStructs !== null || client.doc.store.pendingDs !== null));
    await client.connect(core);
    await waitFor(() => client.synced, 5000, 'step 2 after the slices');
    // Each slice once, in order, then the log merged in step 2.
    expect(client.received).toEqual([...Array<string>(parts).fill('update'), 'step2']);
    expect(pending).toHaveLength(parts + 1);
    expect(pending).not.toContain(true);
    expect(content(client.doc)).toEqual(content(expected));
  });

  it('builds the document when something needs it: presence goes round before, an edit or a reader builds it at once, else the joins going quiet', async () => {
    core = createCore(openPolicy(identity));
    const expected = await storeCrashedBoard(core.store, 'lazy-1');
    const first = new InProcessClient(core, info('lazy-1'));
    const second = new InProcessClient(core, info('lazy-1'));
    await first.connect(core);
    await second.connect(core);
    const room = core.rooms.get('lazy-1')!;
    expect(content(first.doc)).toEqual(content(expected));
    // Both have their answers; while they apply them the server leaves its own copy for later.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(room.loaded).toBe(false);

    // Presence does not touch the document: it goes round now.
    first.conn.receive(frames.awareness([{ clientID: first.doc.clientID, clock: 1, state: { user: { name: 'Ana Silva' } } }]));
    await waitFor(() => second.received.includes('awareness'), 2000, "the first client's presence at the second");
    expect(room.loaded).toBe(false);

    // An edit needs the document: it is built now, well before the joins count as quiet.
    first.doc.getMap('cards').set('c9', 'typed on a cold board');
    const edited = performance.now();
    await waitFor(() => second.doc.getMap('cards').get('c9') === 'typed on a cold board', 2000, 'the edit at the second client');
    expect(room.loaded).toBe(true);
    expect(performance.now() - edited).toBeLessThan(500);
    // The early joiners then hear what the server holds, as before.
    expect(first.received.filter((kind) => kind === 'step1')).toHaveLength(1);

    // A reader of a board (an export, the API) builds it at once too.
    await storeCrashedBoard(core.store, 'lazy-2');
    const reader = new InProcessClient(core, info('lazy-2'));
    await reader.connect(core);
    const opened = await Promise.race([
      core.rooms.open('lazy-2').then(() => 'opened'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 600))
    ]);
    expect(opened).toBe('opened');
    expect(core.rooms.get('lazy-2')!.loaded).toBe(true);

    // Nobody editing or reading: built once the joins have been quiet for a moment.
    await storeCrashedBoard(core.store, 'lazy-3');
    const quiet = new InProcessClient(core, info('lazy-3'));
    await quiet.connect(core);
    expect(core.rooms.get('lazy-3')!.loaded).toBe(false);
    await waitFor(() => core!.rooms.get('lazy-3')!.loaded, 5000, 'the quiet room to be built');
    expect(quiet.received).toEqual(['update', 'step2', 'step1']);
  });

  it("sends what arrives while the room integrates — a peer's edit, another client's — as updates after", async () => {
    const bus = new TestBus();
    core = createCore(openPolicy(identity), { bus });
    const expected = await storeCrashedBoard(core.store, 'raw-2');
    const first = new InProcessClient(core, info('raw-2'));
    const second = new InProcessClient(core, info('raw-2'));
    await first.connect(core);
    await second.connect(core);
    const room = core.rooms.get('raw-2')!;
    expect(room.loaded).toBe(false);
    expect(content(first.doc)).toEqual(content(expected));
    expect(content(second.doc)).toEqual(content(expected));

    // Meanwhile: another instance stored an edit, and both clients type.
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(expected));
    const peerEdits: Uint8Array[] = [];
    elsewhere.on('update', (u: Uint8Array) => peerEdits.push(u));
    elsewhere.getMap('cards').set('c3', 'from another instance');
    bus.deliver('raw-2', peerEdits[0]!);
    first.doc.getMap('cards').set('c4', 'typed while loading');
    second.doc.getText('notes').insert(0, 'HELLO ');
    expect(room.loaded).toBe(false);

    const want = {
      notes: `HELLO ${expected.getText('notes').toString()}`,
      cards: { ...content(expected).cards, c3: 'from another instance', c4: 'typed while loading' }
    };
    await waitFor(() => JSON.stringify(content(first.doc)) === JSON.stringify(want), 2000, 'every edit at the first client');
    await waitFor(() => JSON.stringify(content(second.doc)) === JSON.stringify(want), 2000, 'every edit at the second client');
    expect(content(room.doc)).toEqual(want);
    await room.drain(5000);
    const stored = await core.store.loadDoc('raw-2');
    const reread = new Y.Doc();
    stored!.updates.forEach((u) => Y.applyUpdate(reread, u));
    // The clients' edits are stored; the peer's was stored by its own instance.
    expect(reread.getMap('cards').get('c4')).toBe('typed while loading');
    expect(reread.getText('notes').toString().startsWith('HELLO ')).toBe(true);
  });

  it('builds the document as soon as a returning device has its answer, so what it wrote offline reaches the others without waiting for the joins to calm', async () => {
    core = createCore(openPolicy(identity));
    const expected = await storeCrashedBoard(core.store, 'lazy-4');
    const stored = await core.store.loadDoc('lazy-4');
    const watcher = new InProcessClient(core, info('lazy-4'));
    await watcher.connect(core);
    // The device saw the snapshot last time, then wrote a card while offline (a client sends only
    // what it writes while connected: this is in its copy alone).
    const returning = new InProcessClient(core, info('lazy-4'));
    Y.applyUpdate(returning.doc, stored!.updates[0]!, returning);
    returning.doc.transact(() => returning.doc.getMap('cards').set('offline', 'written on the train'), returning);
    await returning.connect(core);
    expect(content(returning.doc).cards).toMatchObject({ ...content(expected).cards, offline: 'written on the train' });
    // Well inside the second the joins would otherwise have to be quiet for.
    await waitFor(() => watcher.doc.getMap('cards').get('offline') === 'written on the train', 600, 'the offline card at the watcher');
    expect(core.rooms.get('lazy-4')!.loaded).toBe(true);
  });

  it('answers a device that holds part of the board with only what it lacks', async () => {
    core = createCore(openPolicy(identity));
    const expected = await storeCrashedBoard(core.store, 'raw-3');
    const stored = await core.store.loadDoc('raw-3');
    const client = new InProcessClient(core, info('raw-3'));
    // The device saw the snapshot last time (its IndexedDB copy).
    Y.applyUpdate(client.doc, stored!.updates[0]!);
    await client.connect(core);
    expect(core.rooms.get('raw-3')!.loaded).toBe(false);
    expect(client.synced).toBe(true);
    expect(content(client.doc)).toEqual(content(expected));
  });

  it('answers a device that holds the first slices of a large board with what it lacks of each slice after, in order', async () => {
    core = createCore(openPolicy(identity));
    const expected = await storeCrashedBoard(core.store, 'slices-2', { snapshot: 30_000, log: 40, writers: 3 });
    const stored = (await core.store.loadDoc('slices-2'))!;
    expect(stored.snapshotParts).toBeGreaterThan(3);
    const client = new InProcessClient(core, info('slices-2'));
    // The device left while the board was arriving: it holds its first three slices.
    for (const part of stored.updates.slice(0, 3)) Y.applyUpdate(client.doc, part);
    const pending: boolean[] = [];
    client.doc.on('afterTransaction', () => pending.push(client.doc.store.pendingStructs !== null || client.doc.store.pendingDs !== null));
    await client.connect(core);
    await waitFor(() => client.synced, 5000, 'step 2');
    // What it lacks of each later slice, one update each, then step 2 with the log.
    expect(client.received).toEqual([...Array<string>(stored.snapshotParts - 3).fill('update'), 'step2']);
    expect(pending).not.toContain(true);
    expect(content(client.doc)).toEqual(content(expected));
  });

  it('runs afterLoad and beforeJoin before any byte is sent, and a refused client gets none', async () => {
    const sent: string[] = [];
    let stale: InProcessClient | undefined;
    const policy: SyncPolicy = {
      ...openPolicy(identity),
      afterLoad: async (room: PolicyRoom) => {
        sent.push(`afterLoad: ${stale!.received.length} frames, loaded ${(room as { loaded?: boolean }).loaded}`);
        await new Promise((r) => setTimeout(r, 20));
      },
      beforeJoin: (_room, conn) => (conn.info.generation < 2 ? CloseCode.tokenRevoked : null)
    };
    core = createCore(policy);
    const expected = await storeCrashedBoard(core.store, 'raw-4');
    stale = new InProcessClient(core, info('raw-4', { generation: 1 }));
    const current = new InProcessClient(core, info('raw-4'));
    await Promise.all([stale.connect(core), current.connect(core)]);
    // afterLoad ran once, on the stored bytes (the board not integrated yet), before anything was sent.
    expect(sent).toEqual(['afterLoad: 0 frames, loaded false']);
    expect(stale.closedWith).toBe(CloseCode.tokenRevoked);
    expect(stale.received).toEqual([]);
    expect(stale.synced).toBe(false);
    expect(content(stale.doc)).toEqual({ notes: '', cards: {} });
    expect(current.synced).toBe(true);
    expect(content(current.doc)).toEqual(content(expected));
  });

  it('integrates the document before the policy when its checks read it (readsDocument)', async () => {
    const seen: string[] = [];
    const policy: SyncPolicy = {
      ...openPolicy(identity),
      readsDocument: (name) => name.startsWith('ctl-'),
      afterLoad: async (room) => {
        seen.push(`afterLoad ${room.name}: ${room.doc.getMap('cards').size} cards`);
      },
      // Refuses everyone when the stored board says so: only right if the document is integrated.
      beforeJoin: (room) => (room.doc.getMap('cards').has('c2') ? CloseCode.tokenRevoked : null)
    };
    core = createCore(policy);
    await storeCrashedBoard(core.store, 'ctl-5');
    const client = new InProcessClient(core, info('ctl-5'));
    await client.connect(core);
    expect(seen).toEqual(['afterLoad ctl-5: 1 cards']);
    expect(client.closedWith).toBe(CloseCode.tokenRevoked);
    expect(client.received).toEqual([]);
  });

  it('answers a fresh client of a loaded, edited board with the stored bytes plus what changed since', async () => {
    core = createCore(openPolicy(identity));
    // A snapshot large beside its log, as on a real board: the tail is worth sending as it is.
    const expected = await storeCrashedBoard(core.store, 'raw-6', { snapshot: 3000, log: 3 });
    const writer = new InProcessClient(core, info('raw-6'));
    await writer.connect(core);
    const room = core.rooms.get('raw-6')!;
    await waitFor(() => room.loaded, 2000, 'the room to integrate');
    for (let i = 0; i < 3; i++) {
      writer.doc.getText('notes').insert(i, '+');
      await new Promise((r) => setImmediate(r));
    }
    await waitFor(() => room.doc.getText('notes').toString() === writer.doc.getText('notes').toString(), 2000, 'the edits at the room');
    room.flush();
    const late = new InProcessClient(core, info('raw-6'));
    await late.connect(core);
    // Warm: the server's step 1 first; then what changed since the snapshot, then the snapshot.
    expect(late.received.filter((k) => k !== 'awareness')).toEqual(['step1', 'update', 'step2']);
    expect(content(late.doc)).toEqual(content(writer.doc));
    expect(late.doc.getText('notes').toString()).toBe(`+++${expected.getText('notes').toString()}`);
  });
});
