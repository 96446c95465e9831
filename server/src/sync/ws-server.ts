/**
 * The sync endpoint on the HTTP server: `GET /sync/<boardId>?token=…` upgraded to a WebSocket.
 * The token is checked before the upgrade: a refused client receives a plain HTTP error and not
 * one byte of the document. Dead connections are found by ping.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode, SYNC_PATH, isValidId } from '@plenary/shared/protocol';
import { deviceOf } from './device-key.ts';
import type { Config } from '../config.ts';
import { safePath, type Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import { SyncCompression, compressible, syncCompression, syncCompressionAsOffered } from './compression.ts';
import { Connection } from './connection.ts';
import { deflateSetupFor } from './deflate-offer.ts';
import { DeflatedFrames } from './deflate-once.ts';
import { inflateInline } from './inflate-inline.ts';
import type { RoomManager } from './room-manager.ts';

export interface SyncServerDeps {
  config: Config;
  log: Logger;
  metrics: Metrics;
  rooms: RoomManager;
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' };

const refuse = (socket: Duplex, status: number, reason: string): void => {
  const body = JSON.stringify({ error: reason });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
  );
};

let nextConnectionId = 1;

export const attachSyncServer = (server: Server, deps: SyncServerDeps) => {
  const { config, log, metrics, rooms } = deps;
  // One ws server per compression set-up a client's offer calls for (deflate-offer.ts).
  const servers = {
    capped: new WebSocketServer({ noServer: true, maxPayload: config.MAX_MESSAGE_BYTES, perMessageDeflate: syncCompression }),
    asOffered: new WebSocketServer({ noServer: true, maxPayload: config.MAX_MESSAGE_BYTES, perMessageDeflate: syncCompressionAsOffered })
  };
  const live = new Map<WebSocket, { conn: Connection; alive: boolean }>();
  const deflated = new DeflatedFrames({ level: SyncCompression.level, memLevel: SyncCompression.memLevel }, (bytes) => {
    metrics.framesDeflated.inc();
    metrics.bytesDeflated.inc(bytes);
  });
  // A board just read will be sent whole to each device that joins it fresh: deflated while the
  // load goes on, it is ready when the first such device asks (a failure leaves it to the send).
  const onWholeState = (frame: Uint8Array) => {
    if (frame.byteLength < SyncCompression.thresholdBytes) return;
    deflated.deflate(Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength), SyncCompression.serverWindowBits).catch(() => undefined);
  };
  rooms.events.on('wholeState', onWholeState);

  const upgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const prefix = `${SYNC_PATH}/`;
    if (!url.pathname.startsWith(prefix)) return refuse(socket, 404, 'not a sync endpoint');
    let boardId: string;
    try {
      boardId = decodeURIComponent(url.pathname.slice(prefix.length));
    } catch {
      return refuse(socket, 400, 'invalid board id');
    }
    if (!isValidId(boardId)) return refuse(socket, 400, 'invalid board id');
    const admission = await rooms.policy.authenticate({ boardId, authorization: req.headers.authorization, url });
    if (!admission.ok) {
      log.info({ path: safePath(req.url), status: admission.status, reason: admission.reason }, 'sync upgrade refused');
      return refuse(socket, admission.status, admission.reason);
    }
    const setup = deflateSetupFor(req.headers['sec-websocket-extensions']);
    // Declined: the socket opens uncompressed (ws would refuse the upgrade with 400).
    if (setup === 'none') delete req.headers['sec-websocket-extensions'];
    servers[setup === 'asOffered' ? 'asOffered' : 'capped'].handleUpgrade(req, socket, head, (ws) => {
      deflated.attach(ws);
      inflateInline(ws);
      const conn = new Connection(
        {
          send: (frame, sent) => ws.send(frame, { binary: true, compress: compressible(frame) }, sent && ((err) => err || sent())),
          close: (code, reason) => ws.close(code, reason),
          get bufferedAmount() {
            return ws.bufferedAmount;
          }
        },
        { id: `c${nextConnectionId++}`, boardId, ...admission.identity, device: deviceOf(req.headers.cookie) },
        { log, metrics, ratePerSec: config.RATE_LIMIT_PER_SEC, rateBurst: config.RATE_LIMIT_BURST, maxBufferedBytes: config.MAX_BUFFERED_BYTES }
      );
      live.set(ws, { conn, alive: true });
      metrics.connections.inc();
      log.info({ conn: conn.info.id, doc: boardId }, 'connection opened');
      ws.on('message', (data, isBinary) => {
        if (!isBinary) return conn.close(CloseCode.unsupportedData, 'text frames are not part of the protocol');
        conn.receive(data instanceof Buffer ? data : Buffer.concat(data as Buffer[]));
      });
      ws.on('pong', () => {
        const entry = live.get(ws);
        if (entry) entry.alive = true;
      });
      ws.on('error', (err) => log.info({ conn: conn.info.id, err: err.message }, 'socket error'));
      ws.on('close', (code) => {
        // Closes the server chose are logged with their reason by the connection; this line has every close.
        log.info({ conn: conn.info.id, code }, 'connection closed');
        live.delete(ws);
        metrics.connections.dec();
        conn.closedBySocket();
      });
      rooms.joinable(boardId).then(
        (room) => conn.attach(room),
        () => conn.close(CloseCode.loadFailed, 'the board could not be loaded')
      );
    });
  };

  server.on('upgrade', (req, socket, head) => {
    upgrade(req, socket, head).catch((err) => {
      log.error({ err: String(err) }, 'upgrade failed');
      refuse(socket, 503, 'temporarily unavailable');
    });
  });

  // A socket that has not answered the previous ping by now is dead (lid closed, Wi-Fi gone).
  const pinger = setInterval(() => {
    for (const [ws, entry] of live) {
      if (!entry.alive) {
        entry.conn.close(CloseCode.pingTimeout, 'no pong');
        setTimeout(() => ws.terminate(), 1000).unref();
        continue;
      }
      entry.alive = false;
      ws.ping();
    }
  }, config.PING_INTERVAL_MS);
  pinger.unref();

  return {
    /** Every open connection (for revocation and shutdown). */
    connections: (): Connection[] => [...live.values()].map((e) => e.conn),
    async close(code: number): Promise<void> {
      clearInterval(pinger);
      rooms.events.off('wholeState', onWholeState);
      for (const { conn } of live.values()) conn.close(code, 'server shutting down');
      await Promise.all(Object.values(servers).map((wss) => new Promise<void>((resolve) => wss.close(() => resolve()))));
    }
  };
};
