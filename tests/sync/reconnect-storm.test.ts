/**
 * When the venue's Wi-Fi comes back, every device reconnects at once:
 *  - the server's listening socket holds a whole venue's handshakes until it accepts them
 *    (http/listen.ts), so none is turned away by the kernel to retry a second later;
 *  - everyone who rejoins a board at once is synced, holds the board, and sees everyone's
 *    presence; a newcomer is told who is present with the room's next presence tick (room.ts,
 *    room-tick.ts), even about those who never announce themselves again;
 *  - an answer the room kept for a state vector (answer-cache.ts) is not given again once the
 *    board has changed: a device reconnecting after an edit receives the edit.
 * The reconnect storm's timing is measured by `pnpm bench` (tests/bench/reconnect-storm.ts), not here.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { LISTEN_BACKLOG } from '@plenary/server/http/listen.ts';
import { connectClient, frames, openRaw, syncUrl, type RawClient, type TestClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { rejoinPresence, sendOwnPresenceOnly } from '../../web/src/lib/sync/own-presence.ts';

const DEVICES = 40;

/** A device that speaks for its presence as the web app does (web/src/lib/sync/own-presence.ts). */
const likeTheApp = (device: TestClient): TestClient => {
  sendOwnPresenceOnly(device.provider);
  device.provider.on('status', ({ status }) => {
    if (status === 'disconnected') rejoinPresence(device.provider.awareness);
  });
  return device;
};
const PLAN = 'Joint river clean-up week: 2,000 volunteers in 4 cities';

describe('everyone reconnecting at once', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  let board: string;
  let writer: TestClient;
  beforeAll(async () => {
    server = await startServer();
    workshop = await server.createWorkshop({ title: 'Reconnect storm', themes: ['Rivers'] });
    board = workshop.boards[0]!.id;
    writer = connectClient(server.syncBase, board, workshop.tokens.facilitator, { user: { name: 'Facilitator', city: 'Bangkok' } });
    await writer.synced();
    writer.doc.getText('plan').insert(0, PLAN);
  });
  afterAll(async () => {
    writer?.destroy();
    await server?.close();
  });

  it('listens with room for a whole venue of handshakes (as far as the kernel allows)', () => {
    const somaxconn = Number(readFileSync('/proc/sys/net/core/somaxconn', 'utf8').trim());
    // ss prints a listening socket's backlog in its Send-Q column.
    const line = execFileSync('ss', ['-ltnH', `sport = :${server.port}`], { encoding: 'utf8' })
      .trim()
      .split('\n')[0]!;
    const backlog = Number(line.trim().split(/\s+/)[2]);
    expect(backlog).toBe(Math.min(LISTEN_BACKLOG, somaxconn));
  });

  it('syncs every device that rejoins at once, each holding the board and seeing everyone present', async () => {
    // Each y-websocket provider listens for the process's exit (to say its person left): this many
    // devices in one process pass Node's warning about too many listeners, which is not a leak here.
    const maxListeners = process.getMaxListeners();
    process.setMaxListeners(maxListeners + DEVICES);
    onTestFinished(() => {
      process.setMaxListeners(maxListeners);
    });
    const devices = Array.from({ length: DEVICES }, (_, i) =>
      likeTheApp(connectClient(server.syncBase, board, workshop.tokens.delegate, { user: { name: `Delegate ${i}`, city: 'Chengdu' } }))
    );
    try {
      await Promise.all(devices.map((d) => d.synced(30_000)));
      await waitFor(() => devices.every((d) => d.doc.getText('plan').toString() === PLAN), 30_000, 'every device to hold the plan');
      // The Wi-Fi drops, then every device reconnects in the same instant with the board it holds.
      for (const d of devices) d.provider.disconnect();
      await waitFor(() => devices.every((d) => !d.provider.wsconnected), 10_000, 'every device disconnected');
      for (const d of devices) d.provider.connect();
      await Promise.all(devices.map((d) => d.synced(30_000)));
      for (const d of devices) expect(d.doc.getText('plan').toString()).toBe(PLAN);
      // Each device's presence was forgotten when it dropped; everyone rejoined sees everyone again.
      const names = (d: TestClient) =>
        new Set([...d.awareness.getStates().values()].map((s) => (s as { user?: { name?: string } }).user?.name).filter(Boolean));
      // Well before the protocol's 15 s renewal could bring anyone back.
      await waitFor(() => devices.every((d) => names(d).size === DEVICES + 1), 12_000, 'every device to see everyone present');
      // And what is typed after the storm reaches everyone.
      writer.doc.getText('plan').insert(PLAN.length, ' (agreed)');
      await waitFor(() => devices.every((d) => d.doc.getText('plan').toString() === `${PLAN} (agreed)`), 30_000, 'the edit everywhere');
    } finally {
      for (const d of devices) d.destroy();
    }
  }, 180_000);

  it('tells a device joining a board everyone present there, who never announce themselves again', async () => {
    // Raw clients announce their presence once and never renew it: a newcomer can learn of them
    // only from what the room sends it on joining.
    const present: RawClient[] = [];
    try {
      for (let i = 0; i < 5; i++) {
        const raw = await openRaw(syncUrl(server.syncBase, board, workshop.tokens.delegate));
        await raw.handshake();
        raw.send(frames.awareness([{ clientID: 70_000 + i, clock: 1, state: { user: { name: `Quiet ${i}`, city: 'Porto' } } }]));
        present.push(raw);
      }
      await waitFor(() => [0, 1, 2, 3, 4].every((i) => writer.awareness.getStates().has(70_000 + i)), 10_000, 'the room to hold their presence');
      const newcomer = await openRaw(syncUrl(server.syncBase, board, workshop.tokens.delegate));
      present.push(newcomer);
      await newcomer.handshake();
      await waitFor(() => [0, 1, 2, 3, 4].every((i) => newcomer.awareness.getStates().has(70_000 + i)), 10_000, 'the newcomer to see everyone present');
    } finally {
      for (const raw of present) raw.destroy();
    }
  });

  it('answers a device reconnecting after an edit with that edit, though a device holding the same state was answered just before it', async () => {
    const text = writer.doc.getText('plan');
    const held = Y.encodeStateAsUpdate(writer.doc);
    const rejoin = async () => {
      const raw = await openRaw(syncUrl(server.syncBase, board, workshop.tokens.delegate));
      Y.applyUpdate(raw.doc, held);
      await raw.handshake();
      return raw;
    };
    // Two devices with the same board, hence the same state vector: the second asks after an edit.
    const first = await rejoin();
    const before = text.toString();
    try {
      expect(first.doc.getText('plan').toString()).toBe(before);
      text.insert(text.length, ' — budget approved');
      await waitFor(() => first.doc.getText('plan').toString() === text.toString(), 10_000, 'the edit at the first device');
      const second = await rejoin();
      try {
        await waitFor(() => second.doc.getText('plan').toString() === text.toString(), 10_000, 'the edit in the answer to the second device');
      } finally {
        second.destroy();
      }
    } finally {
      first.destroy();
    }
  });
});
