/**
 * /metrics is not for everyone on the Wi-Fi (docs/SECURITY.md, "/metrics"): without METRICS_TOKEN
 * it answers loopback only — a request from any other address is refused 403 — and with
 * METRICS_TOKEN it needs that bearer token from every address. Tests run on loopback, so the
 * other address is one a trusted proxy reports (TRUST_PROXY=1 + X-Forwarded-For): the same check
 * a request arriving from the LAN goes through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type PlenaryServer } from '../utils/server.ts';

describe('/metrics without METRICS_TOKEN', () => {
  let server: PlenaryServer;
  beforeAll(async () => {
    server = await startServer({ env: { TRUST_PROXY: '1' } });
  });
  afterAll(() => server?.close());

  it('answers this machine', async () => {
    const res = await server.fetch('/metrics');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('plenary_connections');
    expect((await server.fetch('/metrics', { headers: { 'x-forwarded-for': '::1' } })).status).toBe(200);
  });

  it('refuses any other address with 403 and tells nothing', async () => {
    for (const address of ['192.168.1.50', '10.0.0.2', '203.0.113.9', 'fe80::1']) {
      const res = await server.fetch('/metrics', { headers: { 'x-forwarded-for': address } });
      expect(res.status, address).toBe(403);
      const text = await res.text();
      expect(text).not.toContain('plenary_');
      expect(JSON.parse(text)).toMatchObject({ field: 'authorization' });
    }
    // A client cannot pose as loopback: the proxy appends the address it saw, which is what counts.
    expect((await server.fetch('/metrics', { headers: { 'x-forwarded-for': '127.0.0.1, 192.168.1.50' } })).status).toBe(403);
  });

  it('keeps /healthz open to every address', async () => {
    expect((await server.fetch('/healthz', { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(200);
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  const METRICS_TOKEN = 'metrics-token-for-tests-5b0e9a';
  let server: PlenaryServer;
  beforeAll(async () => {
    server = await startServer({ env: { METRICS_TOKEN } });
  });
  afterAll(() => server?.close());

  it('answers 401 without the token or with a wrong one, even on loopback', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong-token-wrong-token' }, { authorization: METRICS_TOKEN }];
    for (const headers of attempts) {
      const res = await server.fetch('/metrics', { headers });
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain('plenary_');
    }
  });

  it('answers with the token', async () => {
    const res = await server.fetch('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^plenary_http_refusals_total\{reason="metrics_forbidden"\} 3$/m);
  });
});
