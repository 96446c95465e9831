/**
 * Compression on the sync socket (server/src/sync/compression.ts): a client that offers
 * permessage-deflate, as every browser does, gets a board's large first sync compressed and its
 * small edits as they are; a compressed message that inflates past MAX_MESSAGE_BYTES closes only
 * that connection, with 1009; a frame that goes to several devices is deflated once for all of
 * them (server/src/sync/deflate-once.ts), a board read from the store is deflated before the first
 * device asks for it, and a board being edited is not deflated again for each fresh device
 * (server/src/sync/whole-state.ts). Frames are read off the raw socket, so the test sees the wire.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCard, getCardsMap } from '@plenary/shared/schema';
import { CloseCode } from '@plenary/shared/protocol';
import * as Y from 'yjs';
import { connectClient, frames, openRaw, syncUrl, updateOf, type RawClient, type TestClient } from '../utils/clients.ts';
import { seedBenchBoard } from '../utils/realistic-cards.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { metricValue } from '../utils/metrics.ts';
import { waitFor } from '../utils/wait.ts';

const MAX_MESSAGE_BYTES = 256 * 1024;
const CARDS = 400;

interface WireFrame {
  /** RSV1: the frame's payload is deflated. */
  compressed: boolean;
  /** Bytes of the frame's payload on the wire. */
  length: number;
  /** The payload's first byte: the message's tag, when the frame is not compressed. */
  first: number;
}

/** Reads the server's frames (unmasked) from the client's socket from now on. */
const watchFrames = (raw: RawClient): WireFrame[] => {
  const seen: WireFrame[] = [];
  let pending = Buffer.alloc(0);
  const socket = (raw.ws as unknown as { _socket: import('node:net').Socket })._socket;
  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      if (pending.length < 2) return;
      let length = pending[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (pending.length < 4) return;
        length = pending.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (pending.length < 10) return;
        length = Number(pending.readBigUInt64BE(2));
        offset = 10;
      }
      if (pending.length < offset + length) return;
      seen.push({ compressed: (pending[0]! & 0x40) !== 0, length, first: pending[offset] ?? -1 });
      pending = pending.subarray(offset + length);
    }
  });
  return seen;
};

/** The permessage-deflate parameters the server answered with (ws's \`extensions\` names the extension only). */
const negotiated = (raw: RawClient): Record<string, unknown> | undefined =>
  (raw.ws as unknown as { _extensions: Record<string, { params: Record<string, unknown> }> })._extensions['permessage-deflate']?.params;

const cardText = (i: number) =>
  `Exchange of ${['teachers', 'river wardens', 'museum curators', 'trade officers'][i % 4]} between sister cities, round ${i}: two weeks in spring, hosted by the city's international affairs office`;

/** Frames the server has deflated so far (its /metrics). */
const deflations = (server: PlenaryServer): Promise<number> => metricValue(server, 'plenary_sync_frames_deflated_total');

describe('sync socket compression', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  let board: string;
  let writer: TestClient;

  beforeAll(async () => {
    server = await startServer({ env: { MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) } });
    workshop = await server.createWorkshop({ title: 'Compressed', themes: ['Environment'] });
    board = workshop.boards[0]!.id;
    writer = connectClient(server.syncBase, board, workshop.tokens.facilitator, { user: { name: 'Writer' } });
    await writer.synced();
    // One transaction, so the server takes every card in one tick: a device that joined while they
    // still arrived one by one would be answered with the board as it was then plus the rest after
    // it, and the first test (the board in one deflated frame) would depend on the machine's speed.
    writer.doc.transact(() => {
      for (let i = 0; i < CARDS; i++) addCard(writer.doc, { kind: 'idea', text: cardText(i), createdBy: 'Ana Silva', authorCity: 'Porto', lang: 'en' });
    });
  });
  afterAll(async () => {
    writer?.destroy();
    await server?.close();
  });

  it('sends a large first sync deflated to a client that offers compression, and small edits as they are', async () => {
    // A second reader waits for every card, so the server holds them all before the raw client joins.
    const reader = connectClient(server.syncBase, board, workshop.tokens.delegate);
    await reader.synced();
    await waitFor(() => getCardsMap(reader.doc).size === CARDS, 10_000, 'every card at the reader');
    reader.destroy();

    const raw = await openRaw(syncUrl(server.syncBase, board, workshop.tokens.delegate), { compress: { threshold: 1024 } });
    try {
      expect(raw.ws.extensions).toContain('permessage-deflate');
      const wire = watchFrames(raw);
      await raw.handshake();
      const largest = Math.max(...raw.received.map((m) => m.length));
      expect(largest).toBeGreaterThan(64 * 1024);
      await waitFor(() => wire.some((f) => f.compressed), 5_000, 'a compressed frame');
      const compressed = wire.filter((f) => f.compressed);
      // The whole board came in one deflated frame at under half its size.
      expect(compressed).toHaveLength(1);
      expect(compressed[0]!.length).toBeLessThan(largest / 2);

      // A small edit arrives as it is: compressing tens of bytes costs more than it saves.
      const before = wire.length;
      getCardsMap(writer.doc).values().next().value!.set('votes', 1);
      await waitFor(() => wire.length > before, 5_000, 'the small edit');
      expect(wire.slice(before).every((f) => !f.compressed)).toBe(true);

      // A large edit (400 cards pasted in one go) is compressed like the first sync.
      const pasted = wire.length;
      writer.doc.transact(() => {
        for (let i = 0; i < CARDS; i++) addCard(writer.doc, { kind: 'idea', text: cardText(i), createdBy: 'Li Wei', authorCity: 'Chengdu', lang: 'en' });
      });
      await waitFor(() => wire.slice(pasted).some((f) => f.compressed), 5_000, 'the large edit, deflated');
    } finally {
      raw.destroy();
    }
  });

  it("deflates a board with zlib's whole window: the seminar's realistic cards arrive at under a quarter of their size, and a client asking for a smaller window reads its own", async () => {
    // A board of cards repeats its keys, author ids and cities further apart than a 2 KiB window
    // reaches: these 200 cards came in at 43 % of their size with one, at 21 % with the whole window.
    const { workshop: other, board: realistic } = await seedBenchBoard(server, 'Realistic', 200);
    const url = syncUrl(server.syncBase, realistic.id, other.tokens.delegate);

    const browser = await openRaw(url, { compress: { threshold: 1024 } });
    try {
      const wire = watchFrames(browser);
      await browser.handshake();
      expect(getCardsMap(browser.doc).size).toBe(200);
      const largest = Math.max(...browser.received.map((m) => m.length));
      await waitFor(() => wire.some((f) => f.compressed), 5_000, 'the deflated board');
      const compressed = wire.filter((f) => f.compressed);
      expect(compressed).toHaveLength(1);
      expect(compressed[0]!.length).toBeLessThan(largest / 4);
    } finally {
      browser.destroy();
    }

    // Any client may ask the server for a smaller window; its board is deflated for that window
    // (an inflater with 11 bits cannot read a stream made with 15: "invalid distance too far back").
    const small = await openRaw(url, { compress: { threshold: 1024, serverMaxWindowBits: 11 } });
    try {
      expect(negotiated(small)).toMatchObject({ server_max_window_bits: 11 });
      const wire = watchFrames(small);
      await small.handshake();
      expect(getCardsMap(small.doc).size).toBe(200);
      expect(wire.some((f) => f.compressed)).toBe(true);
      expect(small.closed).toBeNull();
    } finally {
      small.destroy();
    }
  });

  it('sends a breakout board of 30 cards deflated, and presence as it is however large', async () => {
    // 30 of the seminar's cards are 15 kB: sent whole to phones on hotel Wi-Fi while the threshold
    // was 64 KiB, 4.3 kB deflated.
    const { workshop: other, board: breakout } = await seedBenchBoard(server, 'Breakout', 30);
    const url = syncUrl(server.syncBase, breakout.id, other.tokens.delegate);
    // Six delegates whose presence is 2 kB each (long names): the room's presence passes 8 KiB.
    const delegates = Array.from({ length: 6 }, (_, i) =>
      connectClient(server.syncBase, breakout.id, other.tokens.delegate, { user: { name: `Delegate ${i} ${'ก'.repeat(700)}`, city: 'Bangkok' } })
    );
    try {
      await Promise.all(delegates.map((d) => d.synced()));
      const device = await openRaw(url, { compress: { threshold: 1024 } });
      try {
        const wire = watchFrames(device);
        await device.handshake();
        expect(getCardsMap(device.doc).size).toBe(30);
        await waitFor(() => device.awareness.getStates().size >= 6, 10_000, "the delegates' presence");
        const board = Math.max(...device.received.filter((m) => m[0] === 0).map((m) => m.length));
        expect(board).toBeGreaterThan(8 * 1024);
        // The board came deflated, at under a third of its size…
        const compressed = wire.filter((f) => f.compressed);
        expect(compressed).toHaveLength(1);
        expect(compressed[0]!.length).toBeLessThan(board / 3);
        // …and the room's presence, larger than the threshold, as it is (asked for again: what the
        // server sent on connect may have come before the frames were watched).
        device.send(frames.queryAwareness());
        await waitFor(() => wire.some((f) => f.first === 1 || (f.compressed && f.length > 1024 && f !== compressed[0])), 5_000, 'the presence frame');
        const presence = wire.filter((f) => !f.compressed && f.first === 1);
        expect(Math.max(...presence.map((f) => f.length))).toBeGreaterThan(8 * 1024);
        expect(wire.filter((f) => f.compressed)).toHaveLength(1);
      } finally {
        device.destroy();
      }
    } finally {
      for (const d of delegates) d.destroy();
    }
  });

  it('deflates a frame once for every device it goes to, and every device reads it', async () => {
    const url = syncUrl(server.syncBase, board, workshop.tokens.delegate);
    const cards = getCardsMap(writer.doc).size;
    const before = await deflations(server);
    const devices = await Promise.all([0, 1, 2].map(() => openRaw(url, { compress: { threshold: 1024 } })));
    try {
      const wires = devices.map(watchFrames);
      await Promise.all(devices.map((d) => d.handshake()));
      for (const device of devices) expect(getCardsMap(device.doc).size).toBe(cards);
      // Three fresh devices, one board: the same deflated bytes went to each.
      const firstSync = wires.map((wire) => wire.filter((f) => f.compressed).map((f) => f.length));
      expect(firstSync[0]).toHaveLength(1);
      expect(firstSync[1]).toEqual(firstSync[0]);
      expect(firstSync[2]).toEqual(firstSync[0]);
      expect((await deflations(server)) - before).toBe(1);

      // A large paste goes to the three in one frame, deflated once.
      writer.doc.transact(() => {
        for (let i = 0; i < CARDS; i++) addCard(writer.doc, { kind: 'idea', text: cardText(i), createdBy: 'Nguyen Van An', authorCity: 'Da Nang', lang: 'en' });
      });
      await waitFor(() => devices.every((d) => getCardsMap(d.doc).size === cards + CARDS), 10_000, 'the paste at every device');
      expect((await deflations(server)) - before).toBe(2);

      // A device that does not offer compression is sent the same frame as it is.
      const plain = await openRaw(url);
      try {
        const wire = watchFrames(plain);
        await plain.handshake();
        expect(getCardsMap(plain.doc).size).toBe(cards + CARDS);
        expect(wire.some((f) => f.compressed)).toBe(false);
        expect((await deflations(server)) - before).toBe(2);
      } finally {
        plain.destroy();
      }
    } finally {
      for (const device of devices) device.destroy();
    }
  });

  it('keeps a board deflated for fresh devices while it is edited: a small edit goes in front, the board is not deflated again', async () => {
    const url = syncUrl(server.syncBase, board, workshop.tokens.delegate);
    const first = await openRaw(url, { compress: { threshold: 1024 } });
    const second = await openRaw(url, { compress: { threshold: 1024 } });
    try {
      const firstWire = watchFrames(first);
      await first.handshake();
      const deflated = await deflations(server);
      const [id, card] = getCardsMap(writer.doc).entries().next().value!;
      card.set('votes', 7);
      await waitFor(() => getCardsMap(first.doc).get(id)?.get('votes') === 7, 5_000, 'the edit at the first device');

      const secondWire = watchFrames(second);
      await second.handshake();
      expect(getCardsMap(second.doc).get(id)?.get('votes')).toBe(7);
      expect(getCardsMap(second.doc).size).toBe(getCardsMap(writer.doc).size);
      // The same deflated board as the first device's, and the edit in a small frame of its own.
      const board1 = firstWire.filter((f) => f.compressed).map((f) => f.length);
      expect(board1).toHaveLength(1);
      expect(secondWire.filter((f) => f.compressed).map((f) => f.length)).toEqual(board1);
      expect(await deflations(server)).toBe(deflated);
    } finally {
      first.destroy();
      second.destroy();
    }
  });

  it('deflates a board it reads from the store before the first device asks for it, and sends those bytes', async () => {
    // Its own server, which unloads a board 100 ms after its last device leaves.
    const quick = await startServer({ env: { UNLOAD_GRACE_MS: '100' } });
    try {
      const w = await quick.createWorkshop({ title: 'Read back', themes: ['Culture'] });
      const id = w.boards[0]!.id;
      const author = connectClient(quick.syncBase, id, w.tokens.facilitator, { user: { name: 'Author' } });
      await author.synced();
      for (let i = 0; i < CARDS; i++) addCard(author.doc, { kind: 'idea', text: cardText(i), createdBy: 'Ana Silva', authorCity: 'Porto', lang: 'en' });
      // The server holds every card once a second device sees them all.
      const check = connectClient(quick.syncBase, id, w.tokens.delegate);
      await check.synced();
      await waitFor(() => getCardsMap(check.doc).size === CARDS, 10_000, 'every card at the second device');
      check.destroy();
      author.destroy();
      await waitFor(async () => (await metricValue(quick, 'plenary_documents_loaded')) === 0, 10_000, 'the board to be unloaded');
      const before = await deflations(quick);

      // A fresh device connects and says nothing yet: the server reads the board and deflates it.
      const device = await openRaw(syncUrl(quick.syncBase, id, w.tokens.delegate), { compress: { threshold: 1024 } });
      try {
        await waitFor(async () => (await deflations(quick)) === before + 1, 5_000, 'the board deflated before the device asked');
        const wire = watchFrames(device);
        await device.handshake();
        expect(getCardsMap(device.doc).size).toBe(CARDS);
        expect(wire.filter((f) => f.compressed)).toHaveLength(1);
        expect(await deflations(quick)).toBe(before + 1);
      } finally {
        device.destroy();
      }
    } finally {
      await quick.close();
    }
  });

  it("accepts every browser's offer: Firefox's bare one compressed with its own window, one it cannot meet uncompressed", async () => {
    const url = syncUrl(server.syncBase, board, workshop.tokens.delegate);
    const cards = getCardsMap(writer.doc).size;
    // Firefox offers `permessage-deflate` alone; refused with 400, no board ever synced in it.
    const firefox = await openRaw(url, { compress: { threshold: 0, clientMaxWindowBits: false } });
    try {
      expect(firefox.ws.extensions).toContain('permessage-deflate');
      expect(negotiated(firefox)).not.toHaveProperty('client_max_window_bits');
      const wire = watchFrames(firefox);
      await firefox.handshake();
      expect(getCardsMap(firefox.doc).size).toBe(cards);
      expect(wire.some((f) => f.compressed)).toBe(true);
      // Its messages are deflated with a 32 KiB window: a card whose text repeats itself 9 kB apart
      // reaches the others (an inflater with the usual 2 KiB window fails: distance too far back).
      let seed = 1;
      const thai = () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return String.fromCharCode(0x0e01 + ((seed >> 16) % 46));
      };
      const once = Array.from({ length: 3000 }, thai).join('');
      const id = addCard(firefox.doc, { kind: 'idea', text: `${once} ${once}`, createdBy: 'Mozilla user', authorCity: 'Bangkok', lang: 'th' });
      firefox.send(frames.update(Y.encodeStateAsUpdate(firefox.doc, Y.encodeStateVector(writer.doc))));
      await waitFor(() => getCardsMap(writer.doc).has(id), 10_000, "the Firefox device's card at the writer");
      expect(firefox.closed).toBeNull();
    } finally {
      firefox.destroy();
    }

    // A client asking the server for a window zlib cannot give (8 bits) is answered without the extension.
    const narrow = await openRaw(url, { compress: { threshold: 1024, serverMaxWindowBits: 8 } });
    try {
      expect(narrow.ws.extensions).toBe('');
      const wire = watchFrames(narrow);
      await narrow.handshake();
      expect(getCardsMap(narrow.doc).size).toBe(cards + 1);
      expect(wire.some((f) => f.compressed)).toBe(false);
    } finally {
      narrow.destroy();
    }
  });

  it('refuses an upgrade whose extensions header cannot be read with 400 naming the header, and serves the others', async () => {
    const url = new URL(syncUrl(server.syncBase, board, workshop.tokens.delegate));
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () =>
        socket.write(
          `GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
            'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Extensions: permessage-deflate;;\r\n\r\n'
        )
      );
      socket.once('data', (data) => {
        resolve(data.toString());
        socket.destroy();
      });
      socket.once('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('Sec-WebSocket-Extensions');
    const reader = connectClient(server.syncBase, board, workshop.tokens.delegate);
    await reader.synced();
    expect(getCardsMap(reader.doc).size).toBeGreaterThanOrEqual(CARDS);
    reader.destroy();
  });

  it('closes a connection whose compressed message inflates past MAX_MESSAGE_BYTES with 1009, and serves the others', async () => {
    const raw = await openRaw(syncUrl(server.syncBase, board, workshop.tokens.delegate), { compress: { threshold: 0 } });
    try {
      await raw.handshake();
      // 1 MiB of one letter deflates to about a kilobyte: small on the wire, four times the limit inflated.
      raw.send(frames.update(updateOf((d) => d.getText('bomb').insert(0, 'a'.repeat(1024 * 1024)))));
      const closed = await waitFor(() => raw.closed, 10_000, 'the server to close the connection');
      expect(closed.code).toBe(CloseCode.messageTooBig);
    } finally {
      raw.destroy();
    }
    const reader = connectClient(server.syncBase, board, workshop.tokens.delegate);
    await reader.synced();
    expect(reader.doc.getText('bomb').length).toBe(0);
    expect(getCardsMap(reader.doc).size).toBeGreaterThanOrEqual(CARDS);
    reader.destroy();
  });
});
