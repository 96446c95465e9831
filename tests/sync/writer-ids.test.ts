/**
 * Whose Yjs client ids a connection may write new edits under (server/src/sync/writer-ids.ts),
 * tried as an attacker would: a delegate who read a device's id off the board writes under it at
 * the clocks that device is about to use, while the device is offline with an edit of its own.
 * Unguarded, the server keeps the forgery and drops the device's edit as known: everyone else sees
 * the forgery, the device its own text. Guarded, the forgery is left out (`writer-taken`) and the
 * device's edit reaches everyone — on one instance, after the board was unloaded and loaded again,
 * and across two instances on one Redis, whether the attacker's instance opened the board before
 * or after the device's first edit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DenyReason } from '@plenary/shared/protocol';
import { connectClient, frames, newDeviceKey, openRaw, syncUrl, updateOf, type RawClient, type TestClient } from '../utils/clients.ts';
import { REDIS_URL, deleteKeysUnder, describeRedis, uniqueKeyPrefix } from '../utils/redis.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';

const text = (doc: Y.Doc) => doc.getText('plan').toString();

/** An edit of `edit` written under `clientID` on top of what `state` holds: what a forger sends. */
const forged = (state: Y.Doc, clientID: number, edit: (doc: Y.Doc) => void): Uint8Array => {
  const forger = new Y.Doc();
  Y.applyUpdate(forger, Y.encodeStateAsUpdate(state));
  // Set after the state is in: Yjs gives a document a new id when a remote update advances its own.
  forger.clientID = clientID;
  return updateOf(edit, forger);
};

/**
 * Closes the test's clients. Where a forgery got through (the code under test broken), Yjs gave the
 * device's document a new id and y-websocket cannot say goodbye under it: the servers must still close.
 */
const letGo = (clients: TestClient[], raws: RawClient[]): void => {
  for (const c of [...clients, ...raws]) {
    try {
      c.destroy();
    } catch {
      // Gone as far as it can be.
    }
  }
};

interface Servers {
  /** Where the device and the observer connect. */
  device: PlenaryServer;
  /** Where the attacker connects (the same server, or another instance). */
  attacker: PlenaryServer;
}

/**
 * The device writes, goes offline and writes again; the attacker writes under the device's id at
 * the clock of that offline edit; the device comes back. Returns the attacker's raw client.
 */
const forgeWhileOffline = async (
  servers: Servers,
  board: string,
  token: string,
  clients: TestClient[],
  attackerDevice: string | undefined,
  /** Before the device's first edit (the board then loaded on the attacker's instance first). */
  before?: () => Promise<void>
): Promise<{ observer: TestClient; raw: RawClient }> => {
  const device = connectClient(servers.device.syncBase, board, token, { device: newDeviceKey() });
  const observer = connectClient(servers.device.syncBase, board, token, { device: newDeviceKey() });
  clients.push(device, observer);
  await Promise.all([device.synced(), observer.synced()]);
  await before?.();
  device.doc.getText('plan').insert(0, 'Tram line');
  const id = device.doc.clientID;
  await waitFor(() => text(observer.doc) === 'Tram line', 10_000, "the device's first edit to reach the observer");

  device.provider.disconnect();
  device.doc.getText('plan').insert(9, ' 4 to the port');

  const raw = await openRaw(syncUrl(servers.attacker.syncBase, board, token), { device: attackerDevice });
  await raw.handshake();
  await waitFor(() => text(raw.doc) === 'Tram line', 10_000, 'the attacker to hold the board');
  raw.send(frames.update(forged(raw.doc, id, (doc) => doc.getText('plan').insert(9, ' closed for good'))));
  await waitFor(() => raw.denied.includes(DenyReason.writerTaken), 10_000, "the forgery to be refused as 'writer-taken'");

  device.provider.connect();
  await waitFor(() => text(observer.doc) === 'Tram line 4 to the port', 10_000, "the device's offline edit to reach the observer");
  await waitFor(() => text(raw.doc) === 'Tram line 4 to the port', 10_000, "the device's offline edit to reach the attacker");
  expect(text(device.doc)).toBe('Tram line 4 to the port');
  return { observer, raw };
};

describe("a device's Yjs client ids are its own", () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];
  const raws: RawClient[] = [];
  beforeAll(async () => {
    server = await startServer();
    workshop = await server.createWorkshop({ title: 'Writers', themes: ['Environment', 'Culture', 'Education'] });
  });
  afterAll(async () => {
    letGo(clients, raws);
    await server?.close();
  });

  it.each([
    ['a script that presents no device key', undefined, 0],
    ['another device', newDeviceKey(), 1]
  ] as const)(
    'refuses edits written under a device’s id by %s; the device’s own edit at those clocks reaches everyone',
    async (_who, attackerDevice, boardIndex) => {
      const board = workshop.boards[boardIndex]!.id;
      const { observer, raw } = await forgeWhileOffline({ device: server, attacker: server }, board, workshop.tokens.delegate, clients, attackerDevice);
      raws.push(raw);
      // Refused, not closed: the connection stays, and an edit under an id of its own still goes through.
      expect(raw.closed).toBeNull();
      raw.send(frames.update(updateOf((doc) => doc.getMap('testCards').set('own', 'Bike lanes'))));
      await waitFor(() => observer.doc.getMap('testCards').get('own') === 'Bike lanes', 10_000, "the attacker's edit under an id of its own");
      expect(text(observer.doc)).toBe('Tram line 4 to the port');
    }
  );

  it('lets the same device write under its id again from a new connection (a reload), and no one without its key', async () => {
    const board = workshop.boards[2]!.id;
    const key = newDeviceKey();
    const first = connectClient(server.syncBase, board, workshop.tokens.delegate, { device: key });
    const observer = connectClient(server.syncBase, board, workshop.tokens.delegate, { device: newDeviceKey() });
    clients.push(observer);
    await Promise.all([first.synced(), observer.synced()]);
    first.doc.getText('plan').insert(0, 'Night bus');
    const id = first.doc.clientID;
    await waitFor(() => text(observer.doc) === 'Night bus', 10_000, 'the first visit to reach the observer');
    first.destroy();

    // A reload: a new page of the same browser, writing under the id it kept (web/src/lib/sync/device-writer.ts).
    const reload = connectClient(server.syncBase, board, workshop.tokens.delegate, { device: key });
    clients.push(reload);
    await reload.synced();
    await waitFor(() => text(reload.doc) === 'Night bus', 10_000, 'the reload to hold the board');
    // As the page does, only for its own edit: presence keeps the page's fresh id.
    const fresh = reload.doc.clientID;
    reload.doc.clientID = id;
    reload.doc.getText('plan').insert(9, ' every 20 min');
    reload.doc.clientID = fresh;
    await waitFor(() => text(observer.doc) === 'Night bus every 20 min', 10_000, "the reload's edit under the kept id to reach the observer");
    expect(reload.denied).toEqual([]);

    // The same page without the device's cookie: the same id is refused.
    const keyless = await openRaw(syncUrl(server.syncBase, board, workshop.tokens.delegate));
    raws.push(keyless);
    await keyless.handshake();
    keyless.send(frames.update(forged(keyless.doc, id, (doc) => doc.getText('plan').insert(0, 'No '))));
    await waitFor(() => keyless.denied.includes(DenyReason.writerTaken), 10_000, "the keyless write to be refused as 'writer-taken'");
    reload.doc.getMap('testMeta').set('marker', 1);
    await waitFor(() => observer.doc.getMap('testMeta').get('marker') === 1, 10_000, 'a later edit to reach the observer');
    expect(text(observer.doc)).toBe('Night bus every 20 min');
  });
});

describe("a device's Yjs client ids from one load of the board to the next", () => {
  let server: PlenaryServer;
  const clients: TestClient[] = [];
  const raws: RawClient[] = [];
  beforeAll(async () => {
    server = await startServer({ env: { UNLOAD_GRACE_MS: '200' } });
  });
  afterAll(async () => {
    letGo(clients, raws);
    await server?.close();
  });

  it('refuses a forgery under the id of a device that has not written since the board loaded again (the binding is stored with the board)', async () => {
    const workshop = await server.createWorkshop({ title: 'Reloaded', themes: ['Trade'] });
    const board = workshop.boards[0]!.id;
    const token = workshop.tokens.delegate;
    const key = newDeviceKey();
    const first = connectClient(server.syncBase, board, token, { device: key });
    await first.synced();
    first.doc.getText('plan').insert(0, 'Tram line');
    const id = first.doc.clientID;
    const unloads = () => server.jsonLogs().filter((l) => l.msg === 'document unloaded' && l.doc === board).length;
    first.destroy();
    await waitFor(() => unloads() === 1, 10_000, 'the board to be written out and unloaded');

    // The device back the next day: it reads the board, writes nothing, loses the Wi-Fi and types.
    const device = connectClient(server.syncBase, board, token, { device: key });
    const observer = connectClient(server.syncBase, board, token, { device: newDeviceKey() });
    clients.push(device, observer);
    await Promise.all([device.synced(), observer.synced()]);
    await waitFor(() => text(device.doc) === 'Tram line', 10_000, 'the device to hold the board');
    device.provider.disconnect();
    const fresh = device.doc.clientID;
    device.doc.clientID = id;
    device.doc.getText('plan').insert(9, ' 4 to the port');
    device.doc.clientID = fresh;

    const raw = await openRaw(syncUrl(server.syncBase, board, token), { device: newDeviceKey() });
    raws.push(raw);
    await raw.handshake();
    raw.send(frames.update(forged(raw.doc, id, (doc) => doc.getText('plan').insert(9, ' closed for good'))));
    await waitFor(() => raw.denied.includes(DenyReason.writerTaken), 10_000, "the forgery to be refused as 'writer-taken'");
    device.provider.connect();
    await waitFor(() => text(observer.doc) === 'Tram line 4 to the port', 10_000, "the device's offline edit to reach the observer");
    expect(unloads()).toBe(1);
  });
});

describeRedis("a device's Yjs client ids across two instances on one Redis", () => {
  const prefix = uniqueKeyPrefix('writer-ids');
  let one: PlenaryServer;
  let two: PlenaryServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];
  const raws: RawClient[] = [];
  beforeAll(async () => {
    const env = { REDIS_URL, KEY_PREFIX: prefix, SECRET: undefined };
    one = await startServer({ env });
    two = await startServer({ env });
    workshop = await one.createWorkshop({ title: 'Two halls', themes: ['Trade', 'Tourism'] });
  });
  afterAll(async () => {
    letGo(clients, raws);
    await one?.close();
    await two?.close();
    await deleteKeysUnder(prefix);
  });

  it('refuses the forgery on the other instance when it opens the board after the device wrote (it reads the binding with the board)', async () => {
    const { raw } = await forgeWhileOffline({ device: one, attacker: two }, workshop.boards[0]!.id, workshop.tokens.delegate, clients, newDeviceKey());
    raws.push(raw);
  });

  it('refuses the forgery on the other instance when it had the board open before the device wrote (it is told the binding)', async () => {
    const board = workshop.boards[1]!.id;
    const watcher = connectClient(two.syncBase, board, workshop.tokens.delegate, { device: newDeviceKey() });
    clients.push(watcher);
    const { raw } = await forgeWhileOffline({ device: one, attacker: two }, board, workshop.tokens.delegate, clients, newDeviceKey(), () => watcher.synced());
    raws.push(raw);
    await waitFor(() => text(watcher.doc) === 'Tram line 4 to the port', 10_000, "the device's offline edit to reach the other instance");
  });
});
