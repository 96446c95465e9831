/**
 * Reading boards ahead at start (sync/read-ahead.ts): the boards written or held open lately are
 * read before anyone asks, the latest first and no more than allowed; a board read ahead answers its first
 * device from what was read, and is built only once someone joins (the clock that builds a loading
 * board starts with the first join), or let go unbuilt when nobody came within the hold, or as soon
 * as another instance is heard editing it.
 */
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { controlDocName } from '@plenary/shared/protocol';
import { openPolicy } from '@plenary/server/sync/policy.ts';
import { noteOpenBoards, noteOpenEveryMs, readAhead } from '@plenary/server/sync/read-ahead.ts';
import { createLogger } from '@plenary/server/log.ts';
import { waitFor } from '../utils/wait.ts';
import { createCore, InProcessClient, TestBus, type InProcessCore } from './support/in-process.ts';
import { content, storeCrashedBoard } from './support/crashed-board.ts';

const identity = { scope: 'w1', role: 'delegate' as const, generation: 2, readOnly: false };
const info = (boardId: string) => ({ boardId, ...identity, expiresAt: Date.now() + 60_000 });
const log = createLogger('silent').log;
/** Short clocks: a loading board is built 100 ms after it was read at the latest — unless it waits for its first join. */
const quick = { LOAD_QUIET_MS: '50', LOAD_MAX_DEFER_MS: '100' };

describe('reading boards ahead at start (in-process)', () => {
  let core: InProcessCore | undefined;
  afterEach(async () => {
    await core?.close();
    core = undefined;
  });

  it('reads the latest boards written, up to the limit and never a control document alone, and builds one only when someone joins', async () => {
    core = createCore(openPolicy(identity), { env: { ...quick, READ_AHEAD_BOARDS: '2', READ_AHEAD_HOLD_MS: '60000' } });
    const { store, rooms, config } = core;
    await storeCrashedBoard(store, 'older');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.appendUpdates(controlDocName('w1'), [new Uint8Array([0, 0])]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await storeCrashedBoard(store, 'middle');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const expected = await storeCrashedBoard(store, 'latest');

    const summary = await readAhead({ store, rooms, config, log });
    expect(summary.boards).toBe(2);
    expect(summary.bytes).toBeGreaterThan(0);
    expect(rooms.get('older')).toBeUndefined();
    expect(rooms.get(controlDocName('w1'))).toBeUndefined();
    const room = rooms.get('latest')!;
    expect(room.joinable).toBe(true);

    // Well past LOAD_MAX_DEFER_MS: a board read ahead waits for its people before building anything.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(room.loaded).toBe(false);
    expect(rooms.get('middle')!.loaded).toBe(false);

    const client = new InProcessClient(core, info('latest'));
    await client.connect(core);
    expect(rooms.get('latest')).toBe(room);
    expect(client.synced).toBe(true);
    expect(content(client.doc)).toEqual(content(expected));
    // Answered from what was read; built once the join is quiet.
    expect(client.received).toEqual(['update', 'step2']);
    await waitFor(() => room.loaded, 2000, 'the board to be built after its first join');
    expect(content(room.doc)).toEqual(content(expected));
    expect(rooms.get('middle')!.loaded).toBe(false);
  });

  it('lets a board nobody joins go unbuilt after the hold; a later join reads it again', async () => {
    core = createCore(openPolicy(identity), { env: { ...quick, READ_AHEAD_HOLD_MS: '200' } });
    const { store, rooms, config } = core;
    const expected = await storeCrashedBoard(store, 'unvisited');
    expect((await readAhead({ store, rooms, config, log })).boards).toBe(1);
    const room = rooms.get('unvisited')!;
    await waitFor(() => rooms.get('unvisited') === undefined, 2000, 'the board read ahead to be let go');
    expect(room.loaded).toBe(false);
    expect(room.closed).toBe(true);

    const client = new InProcessClient(core, info('unvisited'));
    await client.connect(core);
    expect(content(client.doc)).toEqual(content(expected));
  });

  it('lets a board read ahead go unbuilt when another instance is heard editing it before anyone joined here; once joined, their edits build it', async () => {
    const bus = new TestBus();
    core = createCore(openPolicy(identity), { env: { ...quick, READ_AHEAD_HOLD_MS: '60000' }, bus });
    const { store, rooms, config } = core;
    const expected = await storeCrashedBoard(store, 'elsewhere');
    await storeCrashedBoard(store, 'joined');
    expect((await readAhead({ store, rooms, config, log })).boards).toBe(2);
    const edit = (board: Y.Doc, text: string): Uint8Array => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(board));
      const before = Y.encodeStateVector(copy);
      copy.getMap('cards').set('c7', text);
      return Y.encodeStateAsUpdate(copy, before);
    };

    const room = rooms.get('elsewhere')!;
    bus.deliver('elsewhere', edit(expected, 'typed on another instance'));
    await waitFor(() => rooms.get('elsewhere') === undefined, 2000, 'the board read ahead to be let go');
    expect(room.loaded).toBe(false);

    const joinedRoom = rooms.get('joined')!;
    const client = new InProcessClient(core, info('joined'));
    await client.connect(core);
    bus.deliver('joined', edit(client.doc, 'typed on another instance'));
    await waitFor(() => client.doc.getMap('cards').get('c7') === 'typed on another instance', 2000, "the other instance's edit at the client");
    expect(joinedRoom.loaded).toBe(true);
  });

  it('a reader of a board read ahead has it built at once; a board already open is left as it is', async () => {
    core = createCore(openPolicy(identity), { env: { ...quick, READ_AHEAD_HOLD_MS: '60000' } });
    const { store, rooms, config } = core;
    const expected = await storeCrashedBoard(store, 'read');
    const open = await storeCrashedBoard(store, 'open');
    const client = new InProcessClient(core, info('open'));
    await client.connect(core);
    const openRoom = rooms.get('open')!;

    expect((await readAhead({ store, rooms, config, log })).boards).toBe(2);
    expect(rooms.get('open')).toBe(openRoom);
    expect(content(client.doc)).toEqual(content(open));
    const room = await rooms.open('read');
    expect(room.loaded).toBe(true);
    expect(content(room.doc)).toEqual(content(expected));
  });

  it('a shutdown soon after a restart does not build the boards read ahead that nobody edited, and writes the others', async () => {
    core = createCore(openPolicy(identity), { env: { ...quick, READ_AHEAD_HOLD_MS: '60000' } });
    const { store, rooms, config } = core;
    await storeCrashedBoard(store, 'idle');
    await storeCrashedBoard(store, 'edited');
    expect((await readAhead({ store, rooms, config, log })).boards).toBe(2);
    const client = new InProcessClient(core, info('edited'));
    await client.connect(core);
    client.doc.getMap('cards').set('c8', 'typed just before the restart');
    const idle = rooms.get('idle')!;
    expect(await rooms.drainAll(5000)).toEqual([]);
    expect(idle.loaded).toBe(false);
    const stored = new Y.Doc();
    for (const update of (await store.loadDoc('edited'))!.updates) Y.applyUpdate(stored, update);
    expect(stored.getMap('cards').get('c8')).toBe('typed just before the restart');
  });

  it('reads ahead a board held open on a device for longer than the window though nobody wrote it, and not one left alone as long', async () => {
    const windowMs = 800;
    core = createCore(openPolicy(identity), { env: { ...quick, READ_AHEAD_WINDOW_MS: String(windowMs), READ_AHEAD_HOLD_MS: '60000' } });
    const { store, rooms, config } = core;
    const watched = await storeCrashedBoard(store, 'watched');
    await storeCrashedBoard(store, 'alone');
    const viewer = new InProcessClient(core, info('watched'));
    await viewer.connect(core);
    const stop = noteOpenBoards({ store, rooms, config, log });
    try {
      // Well past the window since either was written; the viewer only watches.
      await new Promise((resolve) => setTimeout(resolve, windowMs + 2 * noteOpenEveryMs(windowMs)));
      expect(await store.recentlyActive(new Date(Date.now() - windowMs), 10)).toEqual(['watched']);
    } finally {
      stop();
    }
    viewer.conn.close(1001);
    await waitFor(() => rooms.size === 0, 2000, 'the board to be unloaded once nobody is on it');

    // The restart: what a fresh process reads ahead.
    expect((await readAhead({ store, rooms, config, log })).boards).toBe(1);
    expect(rooms.get('alone')).toBeUndefined();
    const back = new InProcessClient(core, info('watched'));
    await back.connect(core);
    expect(back.received).toEqual(['update', 'step2']);
    expect(content(back.doc)).toEqual(content(watched));
  });

  it('reads nothing when turned off, and stops at the byte limit', async () => {
    core = createCore(openPolicy(identity), { env: { READ_AHEAD_BOARDS: '0' } });
    await storeCrashedBoard(core.store, 'off');
    expect(await readAhead({ store: core.store, rooms: core.rooms, config: core.config, log })).toMatchObject({ boards: 0, bytes: 0 });
    expect(core.rooms.size).toBe(0);
    await core.close();

    core = createCore(openPolicy(identity), { env: { READ_AHEAD_MAX_BYTES: '1' } });
    await storeCrashedBoard(core.store, 'first');
    await storeCrashedBoard(core.store, 'second');
    expect((await readAhead({ store: core.store, rooms: core.rooms, config: core.config, log })).boards).toBe(1);
    expect(core.rooms.size).toBe(1);
  });
});
