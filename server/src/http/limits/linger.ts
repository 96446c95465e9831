/**
 * Reading the rest of a request that was answered before its body ended — a body refused as too
 * large, mostly. Closing at once would leave the client's unread bytes in the kernel, which then
 * resets the connection, and a client still sending (a phone on slow hotel Wi-Fi, a script) loses
 * the 413 that names the field in the reset. Like nginx's lingering close, the server keeps
 * reading and discarding for a while, bounded in time and bytes, and only then closes.
 *
 * This replaces @hono/node-server's own clean-up (`autoCleanupIncoming`), which gives a client
 * 500 ms: a loaded machine or a slow link misses that window.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

export const Linger = {
  /** How long the server keeps reading after its answer. nginx's lingering_timeout is 5 s. */
  timeoutMs: 5_000,
  /**
   * How much it reads before giving up. Hono's body stream still queues what is read (nothing
   * reads that queue once a limit refused the body), so this also bounds the memory one refused
   * request can take.
   */
  maxBytes: 1024 * 1024
} as const;

const linger = (incoming: IncomingMessage) => {
  const socket = incoming.socket;
  // When the connection is not kept alive (the client sent `Connection: close`), Node has just
  // ended it and destroys it once that end is written: with the client's bytes unread, that
  // destroy is the reset. The end stays (the client sees the server is done); the destroy waits
  // for the lingering read. (destroySoon registers socket.destroy once on 'finish'.)
  const closing = socket.listeners('finish').includes(socket.destroy);
  if (closing) socket.removeListener('finish', socket.destroy);
  let read = 0;
  const stop = (close: boolean) => {
    clearTimeout(timer);
    incoming.off('data', onData);
    incoming.off('end', ended);
    incoming.off('error', giveUp);
    // destroySoon ends the socket once the answer is written, then closes it.
    if (close && !socket.destroyed) socket.destroySoon();
  };
  const ended = () => stop(closing);
  const giveUp = () => stop(true);
  const onData = (chunk: Buffer) => {
    read += chunk.length;
    if (read > Linger.maxBytes) return giveUp();
    // Hono's body stream, no longer read, pauses the request after each chunk it queues.
    if (incoming.isPaused()) incoming.resume();
  };
  const timer = setTimeout(giveUp, Linger.timeoutMs);
  timer.unref();
  incoming.on('data', onData);
  incoming.once('end', ended);
  incoming.once('error', giveUp);
  incoming.resume();
};

/**
 * Wraps the HTTP listener: once an answer is written while its request is still arriving, the
 * rest is read and dropped (see above), whether a limit stopped reading it or nothing read it.
 */
export const lingerAfterEarlyAnswers =
  (listener: RequestListener): RequestListener =>
  (incoming: IncomingMessage, outgoing: ServerResponse) => {
    if (incoming.method !== 'GET' && incoming.method !== 'HEAD') {
      outgoing.once('finish', () => {
        if (!incoming.complete && !incoming.destroyed) linger(incoming);
      });
    }
    return listener(incoming, outgoing);
  };
