/**
 * GET /api/addresses tells callers on this machine or its local network where other devices reach
 * the server (LAN IPv4 first, then localhost, on the port it listens on), and tells a caller from
 * anywhere else nothing: a server on the internet does not list its private interfaces. The
 * outside caller is one a trusted proxy reports (TRUST_PROXY=1 + X-Forwarded-For), the same check
 * a request from elsewhere goes through.
 */
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type PlenaryServer } from '../utils/server.ts';

type Answer = { addresses: { url: string; kind: string }[] };
const machineLan = () =>
  Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);

describe('/api/addresses on a server listening on every interface', () => {
  let server: PlenaryServer;
  beforeAll(async () => {
    server = await startServer({ env: { HOST: '0.0.0.0', TRUST_PROXY: '1' } });
  });
  afterAll(() => server?.close());

  it('lists the LAN addresses first, then localhost, on the listening port', async () => {
    const res = await server.fetch('/api/addresses');
    expect(res.status).toBe(200);
    const { addresses } = (await res.json()) as Answer;
    const lan = machineLan().map((a) => ({ url: `http://${a}:${server.port}`, kind: 'lan' }));
    expect(addresses).toEqual([...lan, { url: `http://localhost:${server.port}`, kind: 'local' }]);
  });

  it('answers a caller on the local network, and nobody else', async () => {
    const local = (await (await server.fetch('/api/addresses', { headers: { 'x-forwarded-for': '192.168.1.50' } })).json()) as Answer;
    expect(local.addresses.length).toBeGreaterThan(0);
    for (const outside of ['203.0.113.9', '8.8.8.8', '2001:db8::1']) {
      const res = await server.fetch('/api/addresses', { headers: { 'x-forwarded-for': outside } });
      expect(res.status, outside).toBe(200);
      expect(((await res.json()) as Answer).addresses, outside).toEqual([]);
    }
    // A client cannot pose as local: the proxy appends the address it saw, which is what counts.
    const posing = await server.fetch('/api/addresses', { headers: { 'x-forwarded-for': '127.0.0.1, 203.0.113.9' } });
    expect(((await posing.json()) as Answer).addresses).toEqual([]);
  });
});

describe('/api/addresses on a server bound to loopback', () => {
  let server: PlenaryServer;
  beforeAll(async () => {
    server = await startServer({ env: { HOST: '127.0.0.1' } });
  });
  afterAll(() => server?.close());

  it('lists only the address it is bound to: other devices cannot reach it', async () => {
    const { addresses } = (await (await server.fetch('/api/addresses')).json()) as Answer;
    expect(addresses).toEqual([{ url: `http://127.0.0.1:${server.port}`, kind: 'local' }]);
  });
});
