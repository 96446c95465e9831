/**
 * Deflating a frame once for every socket (server/src/sync/deflate-once.ts), on a real ws server
 * and real ws clients over loopback: the messages arrive whole and in the order they were sent,
 * large (deflated from the shared bytes) and small (as they are) interleaved, and a frame sent
 * again, or to another socket, is not deflated again.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { SyncCompression, syncCompression } from '@plenary/server/sync/compression.ts';
import { DeflatedFrames } from '@plenary/server/sync/deflate-once.ts';
import { closedAfterEach } from '../../utils/ws-servers.ts';

/** A frame above the compression threshold that deflates well (Yjs repeats its keys). */
const largeFrame = (seed: string): Uint8Array => new TextEncoder().encode(Array.from({ length: 6_000 }, (_, i) => `${seed}:card-${i % 97}:text`).join('|'));

const servers = closedAfterEach();

const start = async (deflated: DeflatedFrames) => {
  const attached: boolean[] = [];
  const sockets: WebSocket[] = [];
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: syncCompression });
  servers.push(wss);
  wss.on('connection', (ws) => {
    attached.push(deflated.attach(ws));
    sockets.push(ws);
  });
  await new Promise((resolve) => wss.once('listening', resolve));
  return { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, attached, sockets };
};

/** A client that keeps every message it receives. */
const connect = async (url: string, perMessageDeflate: boolean) => {
  const ws = new WebSocket(url, { perMessageDeflate });
  const received: Buffer[] = [];
  ws.on('message', (data) => received.push(data as Buffer));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return { ws, received };
};

const until = async (check: () => boolean, what: string): Promise<void> => {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('deflating a frame once for every socket', () => {
  it('delivers large and small messages whole and in order, deflating each large frame once for all sockets', async () => {
    const deflatedSizes: number[] = [];
    const deflated = new DeflatedFrames({ level: SyncCompression.level, memLevel: SyncCompression.memLevel }, (bytes) => deflatedSizes.push(bytes));
    const server = await start(deflated);
    const a = await connect(server.url, true);
    const b = await connect(server.url, true);
    await until(() => server.sockets.length === 2, 'both sockets');
    expect(server.attached).toEqual([true, true]);

    const board = largeFrame('board');
    const paste = largeFrame('paste');
    const noise = randomBytes(SyncCompression.thresholdBytes + 1000); // does not deflate: still whole
    const small = (i: number) => new Uint8Array([0, 2, i]);
    const sequence = [board, small(1), small(2), board, paste, small(3), noise, board, small(4)];
    for (const ws of server.sockets) for (const frame of sequence) ws.send(frame);

    for (const client of [a, b]) {
      await until(() => client.received.length === sequence.length, 'every message');
      expect(client.received.map((m, i) => Buffer.from(m).equals(Buffer.from(sequence[i]!)))).toEqual(sequence.map(() => true));
    }
    // board, paste and noise: once each, though six sockets-times-frames of them were sent.
    expect(deflatedSizes.sort((x, y) => x - y)).toEqual([board.length, paste.length, noise.length].sort((x, y) => x - y));
    a.ws.close();
    b.ws.close();
  });

  it('deflates a large frame in pieces side by side, which a client reads as one message', async () => {
    const frame = Buffer.from(new TextEncoder().encode(Array.from({ length: 60_000 }, (_, i) => `board:card-${i % 997}:text-${i}`).join('|')));
    expect(frame.length).toBeGreaterThan(4 * 256 * 1024);
    const inPieces = new DeflatedFrames({ level: SyncCompression.level, memLevel: SyncCompression.memLevel, parallel: 4 });
    const inOne = new DeflatedFrames({ level: SyncCompression.level, memLevel: SyncCompression.memLevel, parallel: 1 });
    const [pieces, one] = await Promise.all([
      inPieces.deflate(frame, SyncCompression.serverWindowBits),
      inOne.deflate(frame, SyncCompression.serverWindowBits)
    ]);
    // Four streams joined: not the bytes of one, a little longer (each piece starts without the
    // window of the one before it, and ends on a flush): 2 % here, where card ids repeat 30 kB apart.
    expect(pieces.equals(one)).toBe(false);
    expect(pieces.length).toBeGreaterThan(one.length);
    expect(pieces.length).toBeLessThan(one.length * 1.03);

    const server = await start(inPieces);
    const client = await connect(server.url, true);
    await until(() => server.sockets.length === 1, 'the socket');
    expect(server.attached).toEqual([true]);
    server.sockets[0]!.send(frame);
    server.sockets[0]!.send(new Uint8Array([0, 2, 1]));
    await until(() => client.received.length === 2, 'both messages');
    expect(Buffer.from(client.received[0]!).equals(frame)).toBe(true);
    expect([...client.received[1]!]).toEqual([0, 2, 1]);
    client.ws.close();
  });

  it('deflates frames asked for at once a core at a time, in the order asked, so that the first comes back first', async () => {
    // A large board's slices are asked for together and sent in order: the device starts on the
    // first while the rest are deflated. All given to zlib at once, they came back together.
    // One core's worth: the order is then exact (with two, the second may finish after the third).
    const deflated = new DeflatedFrames({ level: SyncCompression.level, memLevel: SyncCompression.memLevel, parallel: 1 });
    const frames = Array.from({ length: 10 }, (_, i) => Buffer.from(largeFrame(`slice-${i}`).subarray(0, 150 * 1024)));
    const back: number[] = [];
    await Promise.all(frames.map((frame, i) => deflated.deflate(frame, SyncCompression.serverWindowBits).then(() => back.push(i))));
    expect(back).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('leaves a socket without compression to send every frame as it is', async () => {
    const deflatedSizes: number[] = [];
    const deflated = new DeflatedFrames({ level: SyncCompression.level, memLevel: SyncCompression.memLevel }, (bytes) => deflatedSizes.push(bytes));
    const server = await start(deflated);
    const plain = await connect(server.url, false);
    await until(() => server.sockets.length === 1, 'the socket');
    expect(server.attached).toEqual([false]);
    const board = largeFrame('board');
    server.sockets[0]!.send(board);
    await until(() => plain.received.length === 1, 'the frame');
    expect(Buffer.from(plain.received[0]!).equals(Buffer.from(board))).toBe(true);
    expect(deflatedSizes).toEqual([]);
    plain.ws.close();
  });
});
