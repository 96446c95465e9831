/**
 * /healthz reports the store in use and that it answers; /metrics serves the Prometheus series
 * operators watch (connections, loaded documents, updates received and fanned out, store write
 * latency) — and they move when delegates edit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient } from '../utils/clients.ts';
import { startServer, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';

/** The value of an unlabelled sample (or a histogram's _count) in Prometheus text. */
const sample = (text: string, name: string): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`no sample ${name}`);
  return Number(line.slice(name.length + 1));
};

describe('/healthz and /metrics on the embedded store', () => {
  let server: PlenaryServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.close());

  it('/healthz answers 200 naming the sqlite store', async () => {
    const res = await server.fetch('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, store: 'sqlite' });
  });

  it('/metrics lists the sync series in Prometheus text format and counts real traffic', async () => {
    const metrics = async () => {
      const res = await server.fetch('/metrics');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/plain/);
      return res.text();
    };
    const before = await metrics();
    for (const name of [
      'plenary_connections',
      'plenary_documents_loaded',
      'plenary_updates_received_total',
      'plenary_updates_fanned_out_total',
      'plenary_store_write_seconds'
    ]) {
      expect(before).toMatch(new RegExp(`^# TYPE ${name} (gauge|counter|histogram)$`, 'm'));
    }

    const workshop = await server.createWorkshop();
    const board = workshop.boards[0]!.id;
    const a = connectClient(server.syncBase, board, workshop.tokens.delegate);
    const b = connectClient(server.syncBase, board, workshop.tokens.delegate);
    try {
      await Promise.all([a.synced(), b.synced()]);
      a.doc.getText('notes').insert(0, 'Bike lanes along the river');
      await waitFor(() => b.doc.getText('notes').toString() === 'Bike lanes along the river', 10_000, 'the edit to reach B');
      await waitFor(
        async () => {
          const text = await metrics();
          return (
            sample(text, 'plenary_connections') === 2 &&
            sample(text, 'plenary_documents_loaded') === 1 &&
            sample(text, 'plenary_updates_received_total') >= 1 &&
            sample(text, 'plenary_updates_fanned_out_total') >= 1 &&
            sample(text, 'plenary_store_write_seconds_count') >= 1
          );
        },
        10_000,
        'metrics to count two connections, one document, the edit and its write'
      );
    } finally {
      a.destroy();
      b.destroy();
    }
    await waitFor(async () => sample(await metrics(), 'plenary_connections') === 0, 10_000, 'connections to drop to 0');
  });
});
