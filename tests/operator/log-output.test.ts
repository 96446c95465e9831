/**
 * The server's log output when nothing reads it (a terminal paused with Ctrl-S, a stuck log
 * driver): lines wait in memory only up to LOG_BUFFER_BYTES, then new ones are dropped and counted
 * instead of growing the server's memory without end (server/src/log.ts). The server keeps
 * answering meanwhile, and once its output is read again one warning gives the count, which
 * `/metrics` also reports; every line that is written is whole.
 *
 * The reader is this test: it stops reading the server's standard output while it sends requests
 * (each one logs a line), then reads again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type PlenaryServer } from '../utils/server.ts';
import { metricValue } from '../utils/metrics.ts';
import { waitFor } from '../utils/wait.ts';

const BUFFER_BYTES = 64 * 1024;
/** Request lines are about 130 bytes: far more than the pipe, the reader's buffer and the server's bound hold together. */
const REQUESTS = 6000;

const droppedMetric = (server: PlenaryServer): Promise<number> => metricValue(server, 'plenary_log_lines_dropped_total');

describe('log output nobody reads', () => {
  let server: PlenaryServer;
  beforeAll(async () => {
    server = await startServer({ env: { LOG_BUFFER_BYTES: String(BUFFER_BYTES) } });
  });
  afterAll(() => server?.close());

  it('drops and counts lines past LOG_BUFFER_BYTES, keeps answering, and says how many once read again', async () => {
    expect(await droppedMetric(server)).toBe(0);
    server.pauseOutput();
    const before = server.lines.length;
    for (let sent = 0; sent < REQUESTS; sent += 20) {
      const answers = await Promise.all(Array.from({ length: 20 }, () => server.fetch('/healthz')));
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        await answer.arrayBuffer();
      }
    }
    const dropped = await droppedMetric(server);
    expect(dropped).toBeGreaterThan(0);
    expect(dropped).toBeLessThan(REQUESTS);

    server.resumeOutput();
    const warning = await waitFor(
      () => server.jsonLogs().find((l) => l.msg === 'log lines dropped: the log reader was not taking them'),
      10_000,
      'the dropped-lines warning'
    );
    // The /metrics request above logged a line too, which may have been dropped after the count was read.
    expect(warning.dropped).toBeGreaterThanOrEqual(dropped);
    expect(warning.dropped).toBeLessThanOrEqual(dropped + 1);
    expect(warning.level).toBe(40);
    // Every line that came through is a whole JSON line, and the lines kept and dropped add up.
    const after = server.lines.slice(before);
    const requestLines = after.filter((l) => {
      const parsed = JSON.parse(l) as { msg?: string; route?: string };
      return parsed.msg === 'request' && parsed.route === '/healthz';
    });
    expect(requestLines.length + (warning.dropped as number)).toBeGreaterThanOrEqual(REQUESTS);
    expect((await server.fetch('/healthz')).status).toBe(200);
  });
});
