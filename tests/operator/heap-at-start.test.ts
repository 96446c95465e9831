/**
 * A server collects its start-up's garbage before it listens (server/src/lib/settle-heap.ts),
 * so the first device joining a large board after a restart does not wait for the process's first
 * full collection. The log says it happened, with the heap before and after, before "listening".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type PlenaryServer } from '../utils/server.ts';

describe('the heap at start', () => {
  let server: PlenaryServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.close());

  it('is collected once before the port opens, and the log says how much it kept', () => {
    const logs = server.jsonLogs();
    const collected = logs.findIndex((l) => l.msg === 'heap collected before listening');
    const listening = logs.findIndex((l) => l.msg === 'listening');
    expect(collected).toBeGreaterThanOrEqual(0);
    expect(collected).toBeLessThan(listening);
    const line = logs[collected]!;
    expect(line.level).toBe(30);
    expect(line.afterMiB as number).toBeGreaterThan(0);
    expect(line.afterMiB as number).toBeLessThan(line.usedMiB as number);
  });
});
