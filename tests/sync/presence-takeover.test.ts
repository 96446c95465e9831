/**
 * A tab back after a Wi-Fi drop that the server has not noticed yet. The phone's old connection
 * is still open on the server (nothing told it otherwise; pings would find it 15–30 s later)
 * when the tab reconnects under the same presence id with the next clock. The server used to
 * close the new connection as a forger (awarenessForged, final): the board went dead on that
 * phone until a reload. Now the same device takes its id over: the new connection is kept, the
 * old one is closed `replaced`, and the person's presence stays on everyone's screen throughout,
 * whether the reconnect reaches the same instance or another one. Another device presenting the
 * id, or a script without a device key, is still refused (server/src/sync/room-presence.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '@plenary/shared/protocol';
import { connectClient, frames, newDeviceKey, openRaw, syncUrl, type RawClient, type TestClient } from '../utils/clients.ts';
import { REDIS_URL, deleteKeysUnder, describeRedis, uniqueKeyPrefix } from '../utils/redis.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { rejoinPresence, sendOwnPresenceOnly } from '../../web/src/lib/sync/own-presence.ts';
import { closeCodeIn, startWifiProxy, type DroppedLink, type WifiProxy } from '../utils/wifi-proxy.ts';

/** Far longer than the tests take: a close the old connection gets is the takeover's, never a ping timeout. */
const PING_INTERVAL_MS = 120_000;

/** A phone on the venue's Wi-Fi (the proxy) to `server`, speaking for its presence as the web app does. */
const phone = (proxy: WifiProxy, server: PlenaryServer, board: string, token: string, device: string): TestClient => {
  proxy.route(server.port);
  const client = connectClient(proxy.through(server.syncBase), board, token, { device, user: { name: 'Somchai', city: 'Bangkok' } });
  sendOwnPresenceOnly(client.provider);
  client.provider.on('status', ({ status }) => {
    if (status === 'disconnected') rejoinPresence(client.provider.awareness);
  });
  return client;
};

const sees = (watcher: TestClient, id: number): boolean => watcher.awareness.getStates().has(id);

/** A watcher on `watchOn` and a phone on the Wi-Fi to `phoneOn`, once the watcher sees the phone. */
const phoneWatched = async (
  proxy: WifiProxy,
  phoneOn: PlenaryServer,
  watchOn: PlenaryServer,
  board: string,
  workshop: CreatedWorkshop,
  clients: TestClient[]
): Promise<{ watcher: TestClient; device: TestClient }> => {
  const watcher = connectClient(watchOn.syncBase, board, workshop.tokens.facilitator, { user: { name: 'Facilitator', city: 'Seoul' } });
  const device = phone(proxy, phoneOn, board, workshop.tokens.delegate, newDeviceKey());
  clients.push(watcher, device);
  await Promise.all([watcher.synced(), device.synced()]);
  await waitFor(() => sees(watcher, device.doc.clientID), 10_000, "the phone's presence to reach the watcher");
  return { watcher, device };
};

/**
 * The Wi-Fi drops and comes back: the phone reconnects (to `reconnectTo`, or where it was) while
 * its old connection stays open on the server. Returns the old connection as the server keeps it.
 */
const dropAndReconnect = async (proxy: WifiProxy, device: TestClient, reconnectTo?: PlenaryServer): Promise<DroppedLink> => {
  if (reconnectTo) proxy.route(reconnectTo.port);
  const statuses = device.statuses.length;
  const [old] = proxy.drop();
  expect(old, 'the phone had one open connection').toBeDefined();
  await waitFor(() => device.statuses.slice(statuses).includes('connected'), 15_000, 'the phone to reconnect');
  return old!;
};

/**
 * What must hold once the phone is back: it is connected and synced and was never refused, its
 * edit reaches the watcher, its old connection was closed `replaced`, and the watcher saw its
 * presence throughout.
 */
const backAndShown = async (device: TestClient, watcher: TestClient, old: DroppedLink, lostSight: () => boolean): Promise<void> => {
  await device.synced();
  device.doc.getText('plan').insert(0, 'Repair cafés ');
  // The only close the phone saw is the drop's own (1006: its socket went away without a close frame).
  const DROPPED = [{ code: 1006, reason: '' }];
  await waitFor(
    () => watcher.doc.getText('plan').toString().includes('Repair cafés') || device.closes.length > 1,
    15_000,
    "the phone's edit to reach the watcher"
  );
  expect(device.closes).toEqual(DROPPED);
  expect(watcher.doc.getText('plan').toString()).toContain('Repair cafés');
  // Its close frame: nobody answers it, so the socket itself lingers until ws gives up on it.
  const code = await waitFor(() => closeCodeIn(old.fromServer), 10_000, 'the server to close the old connection');
  expect(code).toBe(CloseCode.replaced);
  // Closing the old connection took nothing from the new one: the person is still shown.
  device.awareness.setLocalStateField('editing', null);
  await waitFor(() => sees(watcher, device.doc.clientID), 10_000, "the phone's presence after the old connection closed");
  expect(lostSight(), "the watcher lost sight of the phone's presence").toBe(false);
  expect(device.closes).toEqual(DROPPED);
};

/** Counts the moments the watcher does not see `id`, from now on. */
const watchSight = (watcher: TestClient, id: () => number): (() => boolean) => {
  let lost = false;
  const check = () => (lost ||= !sees(watcher, id()));
  watcher.awareness.on('change', check);
  return () => lost;
};

/** An attacker (another device, or none) announces the phone's presence id with a newer clock. */
const forgeFrom = async (server: PlenaryServer, board: string, token: string, id: number, clock: number, device: string | undefined): Promise<RawClient> => {
  const raw = await openRaw(syncUrl(server.syncBase, board, token), { device });
  await raw.handshake();
  raw.send(frames.awareness([{ clientID: id, clock: clock + 5, state: { user: { name: 'Impostor', city: 'Bangkok' } } }]));
  return raw;
};

const refusesForgery = async (server: PlenaryServer, board: string, token: string, device: TestClient, watcher: TestClient): Promise<void> => {
  const id = device.doc.clientID;
  for (const attackerDevice of [newDeviceKey(), undefined]) {
    const clock = watcher.awareness.meta.get(id)!.clock;
    const raw = await forgeFrom(server, board, token, id, clock, attackerDevice);
    try {
      const closed = await waitFor(() => raw.closed, 10_000, 'the forger to be closed');
      expect(closed.code).toBe(CloseCode.awarenessForged);
      expect((watcher.awareness.getStates().get(id)?.user as { name?: string } | undefined)?.name).toBe('Somchai');
      expect(device.closes.filter((c) => c.code !== 1006)).toEqual([]);
    } finally {
      raw.destroy();
    }
  }
};

describe('a tab back after a Wi-Fi drop the server has not noticed', () => {
  let server: PlenaryServer;
  let proxy: WifiProxy;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    server = await startServer({ env: { PING_INTERVAL_MS: String(PING_INTERVAL_MS) } });
    proxy = await startWifiProxy(server.port);
    workshop = await server.createWorkshop({ title: 'Wi-Fi drop', themes: ['Environment'] });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await proxy?.close();
    await server?.close();
  });

  it('takes its presence over from its old connection, and is never refused', async () => {
    const board = workshop.boards[0]!.id;
    const { watcher, device } = await phoneWatched(proxy, server, server, board, workshop, clients);
    const lostSight = watchSight(watcher, () => device.doc.clientID);

    const old = await dropAndReconnect(proxy, device);
    await backAndShown(device, watcher, old, lostSight);
  });

  it('still refuses the same id from another device, or from a script without one', async () => {
    const board = workshop.boards[0]!.id;
    const { watcher, device } = await phoneWatched(proxy, server, server, board, workshop, clients);
    await refusesForgery(server, board, workshop.tokens.delegate, device, watcher);
  });

  it('lets nobody of another device close a connection by taking an id whose presence lapsed', async () => {
    const board = workshop.boards[0]!.id;
    const id = 4_000_000 + Math.floor(Math.random() * 1_000_000);
    const holder = await openRaw(syncUrl(server.syncBase, board, workshop.tokens.delegate), { device: newDeviceKey() });
    const other = await openRaw(syncUrl(server.syncBase, board, workshop.tokens.delegate), { device: newDeviceKey() });
    try {
      await Promise.all([holder.handshake(), other.handshake()]);
      holder.send(frames.awareness([{ clientID: id, clock: 1, state: { user: { name: 'Somchai', city: 'Bangkok' } } }]));
      await waitFor(() => other.awareness.getStates().has(id), 10_000, "the holder's presence to reach the other");
      // The holder's presence lapses (as after 30 s without a renewal); its connection stays.
      holder.send(frames.awareness([{ clientID: id, clock: 2, state: null }]));
      await waitFor(() => !other.awareness.getStates().has(id), 10_000, "the holder's presence to lapse");
      other.send(frames.awareness([{ clientID: id, clock: 3, state: { user: { name: 'Somchai', city: 'Bangkok' } } }]));
      // The holder hears of it, so it was not let go (that close would have come first).
      await waitFor(() => holder.awareness.getStates().has(id) || holder.closed, 10_000, 'the id taken by the other device');
      expect(holder.closed).toBeNull();
    } finally {
      holder.destroy();
      other.destroy();
    }
  });
});

describeRedis('a tab back on another instance after a Wi-Fi drop', () => {
  const prefix = uniqueKeyPrefix('presence-takeover');
  let one: PlenaryServer;
  let two: PlenaryServer;
  let proxy: WifiProxy;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    const env = { REDIS_URL, KEY_PREFIX: prefix, SECRET: undefined, PING_INTERVAL_MS: String(PING_INTERVAL_MS) };
    one = await startServer({ env });
    two = await startServer({ env });
    proxy = await startWifiProxy(one.port);
    workshop = await one.createWorkshop({ title: 'Wi-Fi drop, two instances', themes: ['Trade', 'Tourism', 'Youth'] });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await proxy?.close();
    await one?.close();
    await two?.close();
    await deleteKeysUnder(prefix);
  });

  it('takes its presence over from its old connection on the other instance', async () => {
    const board = workshop.boards[0]!.id;
    // The watcher is on the instance that keeps the old connection open.
    const { watcher, device } = await phoneWatched(proxy, one, one, board, workshop, clients);
    const lostSight = watchSight(watcher, () => device.doc.clientID);

    const old = await dropAndReconnect(proxy, device, two);
    await backAndShown(device, watcher, old, lostSight);
    // Another device on the phone's new instance is still refused.
    await refusesForgery(two, board, workshop.tokens.delegate, device, watcher);
  });

  it('takes it over on an instance that opened the board after the phone announced itself', async () => {
    const board = workshop.boards[1]!.id;
    const { watcher, device } = await phoneWatched(proxy, one, one, board, workshop, clients);
    // Instance 2 opens the board now: it never heard the phone announce itself, only the answer to
    // its question of who is present, with the phone's device.
    const across = connectClient(two.syncBase, board, workshop.tokens.observer, { user: { name: 'Projector', city: 'Seoul' } });
    clients.push(across);
    await across.synced();
    // Well under the phone's 15-s renewal, which would show it on instance 2 without the answer.
    await waitFor(() => sees(across, device.doc.clientID), 8_000, "the phone's presence on instance 2");
    const lostSight = watchSight(watcher, () => device.doc.clientID);

    const old = await dropAndReconnect(proxy, device, two);
    await backAndShown(device, watcher, old, lostSight);
    await waitFor(() => across.doc.getText('plan').toString().includes('Repair cafés'), 10_000, "the phone's edit on instance 2");
  });

  // Last: it kills instance 1.
  it('takes it over when the instance it was on is killed, on the instance the phone comes back to', async () => {
    const board = workshop.boards[2]!.id;
    // The board is open on instance 2 before the phone arrives on instance 1.
    const watcher = connectClient(two.syncBase, board, workshop.tokens.facilitator, { user: { name: 'Facilitator', city: 'Seoul' } });
    clients.push(watcher);
    await watcher.synced();
    const device = phone(proxy, one, board, workshop.tokens.delegate, newDeviceKey());
    clients.push(device);
    await device.synced();
    await waitFor(() => sees(watcher, device.doc.clientID), 10_000, "the phone's presence to reach instance 2");
    const statuses = device.statuses.length;

    // Instance 1 dies without a word to anyone: instance 2 still holds the phone's presence.
    proxy.route(two.port);
    await one.kill('SIGKILL');
    await waitFor(() => device.statuses.slice(statuses).includes('connected'), 15_000, 'the phone to reconnect to instance 2');
    await device.synced();
    device.doc.getText('plan').insert(0, 'Repair cafés ');
    await waitFor(
      () => watcher.doc.getText('plan').toString().includes('Repair cafés') || device.closes.length > 1,
      15_000,
      "the phone's edit to reach the watcher"
    );
    expect(device.closes.map((c) => c.code)).toEqual([1006]);
    expect(watcher.doc.getText('plan').toString()).toContain('Repair cafés');
    device.awareness.setLocalStateField('editing', null);
    await waitFor(
      () => (watcher.awareness.getStates().get(device.doc.clientID) as { editing?: unknown } | undefined)?.editing === null,
      10_000,
      "the phone's presence, as it says now"
    );
    expect(device.closes.map((c) => c.code)).toEqual([1006]);
  });
});
