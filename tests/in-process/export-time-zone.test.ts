/**
 * The export routes take the reader's time zone (`?tz=`, an IANA name) through Hono's
 * `app.request()` on the services the server builds: a name that is no zone is refused with 400
 * naming `tz` before anything renders; a zone shows and names the moment taken in it, on the
 * workshop's joint plan and on one board; without one the document says UTC.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@plenary/server/app.ts';
import { createTokenSigner } from '@plenary/server/auth/tokens.ts';
import { parseConfig } from '@plenary/server/config.ts';
import { closeExportServices } from '@plenary/server/exports/export-service.ts';
import { LocalBus } from '@plenary/server/fanout/local-bus.ts';
import { createLogger } from '@plenary/server/log.ts';
import { createMetrics } from '@plenary/server/metrics.ts';
import { SqliteStore } from '@plenary/server/persistence/sqlite-store.ts';
import { createServices } from '@plenary/server/services.ts';

interface Created {
  id: string;
  boards: { id: string }[];
  tokens: { facilitator: string; delegate: string; observer: string };
}

describe('export time zone (in-process)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'plenary-export-tz-'));
  const store = new SqliteStore({ dataDir });
  const config = parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const services = createServices({
    config,
    log: createLogger('silent'),
    metrics: createMetrics(),
    store,
    bus: new LocalBus(),
    signer: createTokenSigner('in-process-secret-0123456789')
  });
  const app = createApp({ ...services, webDir: path.join(dataDir, 'no-web') });
  const fromLoopback = { incoming: { socket: { remoteAddress: '127.0.0.1', remotePort: 50000, remoteFamily: 'IPv4' } } };
  const request = (url: string, init: RequestInit & { token?: string } = {}) =>
    app.request(
      url,
      { ...init, headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) } },
      fromLoopback
    );
  let workshop: Created;

  beforeAll(async () => {
    const res = await request('/api/workshops', { method: 'POST', body: JSON.stringify({ title: 'Closing session', themes: ['Environment', 'Trade'] }) });
    workshop = (await res.json()) as Created;
  });

  afterAll(async () => {
    await closeExportServices();
    services.autoVersions.close();
    await services.rooms.destroyAll();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a name that is no IANA zone with 400 naming tz', async () => {
    for (const tz of ['Mars/Olympus', '+07:00', 'Asia/Bangkok;drop', '../../etc']) {
      const res = await request(`/api/workshops/${workshop.id}/export.md?tz=${encodeURIComponent(tz)}`, { token: workshop.tokens.observer });
      expect(res.status, tz).toBe(400);
      expect(await res.json(), tz).toMatchObject({ field: 'tz' });
    }
  });

  it('shows the moment taken in the reader’s zone and names it, for the joint plan and one board', async () => {
    const plan = await request(`/api/workshops/${workshop.id}/export.md?tz=asia/bangkok&lang=en`, { token: workshop.tokens.delegate });
    expect(plan.status).toBe(200);
    expect(await plan.text()).toMatch(/Taken at .+ \(Asia\/Bangkok\)/);
    const board = await request(`/api/boards/${workshop.boards[0]!.id}/export.json?tz=Asia/Tokyo`, { token: workshop.tokens.observer });
    expect(await board.json()).toMatchObject({ timeZone: 'Asia/Tokyo' });
  });

  it('says UTC when no zone is asked for', async () => {
    const res = await request(`/api/workshops/${workshop.id}/export.md`, { token: workshop.tokens.observer });
    expect(await res.text()).toMatch(/Taken at .+ \(UTC\)/);
  });
});
