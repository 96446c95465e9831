/**
 * Inflating a client's small compressed messages at once (server/src/sync/inflate-inline.ts), on a
 * real ws server and real ws clients that compress every message as browsers do: messages arrive
 * whole and in order, small ones without the per-connection inflate stream ws would keep, large and
 * fragmented ones through ws's own inflate, and one inflating past maxPayload still closes with 1009.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { syncCompression } from '@plenary/server/sync/compression.ts';
import { inflateInline } from '@plenary/server/sync/inflate-inline.ts';
import { closedAfterEach } from '../../utils/ws-servers.ts';

const MAX_PAYLOAD = 1024 * 1024;

const servers = closedAfterEach();

/** A server that keeps what each socket receives; `inline` decides whether its sockets inflate here. */
const start = async (inline: boolean, maxPayload = MAX_PAYLOAD) => {
  const received: Buffer[] = [];
  const sockets: WebSocket[] = [];
  const attached: boolean[] = [];
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload, perMessageDeflate: syncCompression });
  servers.push(wss);
  wss.on('connection', (ws) => {
    if (inline) attached.push(inflateInline(ws));
    sockets.push(ws);
    ws.on('message', (data) => received.push(data as Buffer));
    ws.on('error', () => undefined);
  });
  await new Promise((resolve) => wss.once('listening', resolve));
  return { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, received, sockets, attached };
};

/** A client that deflates every message it sends (threshold 0), as a browser does. */
const connect = async (url: string) => {
  const ws = new WebSocket(url, { perMessageDeflate: { threshold: 0 } });
  ws.on('error', () => undefined);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return ws;
};

const until = async (check: () => boolean, what: string): Promise<void> => {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

/** The code the server closed this client's socket with. */
const closeCode = (ws: WebSocket): Promise<number> => new Promise((resolve) => ws.once('close', (code) => resolve(code)));

/** ws's inflate stream for this socket, if it made one. */
const ownInflate = (ws: WebSocket): unknown =>
  (ws as unknown as { _extensions: Record<string, { _inflate: unknown }> })._extensions['permessage-deflate']?._inflate;

describe("inflating a client's small compressed messages at once", () => {
  it('delivers small, large and fragmented messages whole and in order, and keeps no inflate stream for the small ones', async () => {
    const server = await start(true);
    const client = await connect(server.url);
    await until(() => server.sockets.length === 1, 'the socket');
    expect(server.attached).toEqual([true]);

    // A thousand small edits, as a delegate typing sends them: each its own deflated message.
    const small = Array.from({ length: 1000 }, (_, i) => Buffer.from(`edit ${i}: ${'ก'.repeat(i % 30)}`));
    for (const message of small) client.send(message);
    await until(() => server.received.length === small.length, 'the small messages');
    expect(server.received.map((m) => m.toString())).toEqual(small.map((m) => m.toString()));
    // ws would keep a zlib stream (its window and state) for this socket from the first one on.
    expect(ownInflate(server.sockets[0]!)).toBeFalsy();

    // A paste larger than what is inflated inline, then a message in two fragments, then a small one.
    const paste = Buffer.from(randomBytes(48 * 1024).toString('base64'));
    client.send(paste);
    client.send(Buffer.from('first half, '), { fin: false });
    client.send(Buffer.from('second half'), { fin: true });
    client.send(Buffer.from('after'));
    await until(() => server.received.length === small.length + 3, 'the paste, the fragmented message and the last one');
    const [gotPaste, gotFragments, after] = server.received.slice(small.length);
    expect(gotPaste!.equals(paste)).toBe(true);
    expect(gotFragments!.toString()).toBe('first half, second half');
    expect(after!.toString()).toBe('after');
    client.close();
  });

  it('closes a socket whose small compressed message inflates past maxPayload with 1009, and one that is not deflate with 1007', async () => {
    const server = await start(true);
    // 2 MiB of one letter deflates to about 2 KiB: inlined, it would pass the inline cap; ws reads it
    // again and closes as it always did.
    const bomb = await connect(server.url);
    const bombClosed = closeCode(bomb);
    bomb.send(Buffer.alloc(2 * 1024 * 1024, 'a'));
    expect(await bombClosed).toBe(1009);
    expect(server.received).toHaveLength(0);

    // Bytes that are not a deflate stream, sent as a compressed frame by hand.
    const raw = await connect(server.url);
    const rawClosed = closeCode(raw);
    await until(() => server.sockets.length === 2, 'the second socket');
    const socket = (raw as unknown as { _socket: import('node:net').Socket })._socket;
    const payload = Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00]);
    const mask = Buffer.from([1, 2, 3, 4]);
    const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
    // FIN + RSV1 (compressed) + binary; masked, length 5.
    socket.write(Buffer.concat([Buffer.from([0x80 | 0x40 | 0x02, 0x80 | payload.length]), mask, masked]));
    expect(await rawClosed).toBe(1007);
    expect(server.received).toHaveLength(0);
  });

  it('closes with 1009 a message inflated here past a maxPayload smaller than what this path inflates', async () => {
    // A server allowing 64 KiB; 128 KiB of one letter deflates to a few hundred bytes and inflates
    // under the inline cap, so it is inflated here: ws's receiver still measures it.
    const server = await start(true, 64 * 1024);
    const client = await connect(server.url);
    const closed = closeCode(client);
    client.send(Buffer.alloc(128 * 1024, 'a'));
    expect(await closed).toBe(1009);
    expect(server.attached).toEqual([true]);
    expect(server.received).toHaveLength(0);
  });

  it('leaves a socket without client_no_context_takeover to ws', async () => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: { threshold: 0 } });
    servers.push(wss);
    const attached: boolean[] = [];
    const received: string[] = [];
    wss.on('connection', (ws) => {
      attached.push(inflateInline(ws));
      ws.on('message', (data) => received.push(String(data)));
    });
    await new Promise((resolve) => wss.once('listening', resolve));
    const client = await connect(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
    // With context takeover each message may refer back into the ones before it.
    for (const word of ['board', 'board board', 'board board board']) client.send(word);
    await until(() => received.length === 3, 'the messages');
    expect(attached).toEqual([false]);
    expect(received).toEqual(['board', 'board board', 'board board board']);
    client.close();
  });
});
