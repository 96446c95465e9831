/**
 * Bare ws servers for the unit tests of the socket's compression paths (deflate-once, inline
 * inflate): each test registers the servers it starts, and every one is closed after the test,
 * its clients cut first.
 */
import { afterEach } from 'vitest';
import type { WebSocketServer } from 'ws';

/** Call at the top of a test file; push each server started into the returned list. */
export const closedAfterEach = (): WebSocketServer[] => {
  const servers: WebSocketServer[] = [];
  afterEach(async () => {
    for (const wss of servers.splice(0)) {
      for (const client of wss.clients) client.terminate();
      await new Promise((resolve) => wss.close(resolve));
    }
  });
  return servers;
};
