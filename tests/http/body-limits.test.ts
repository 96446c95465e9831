/**
 * Request bodies are bounded (docs/SECURITY.md, "HTTP bodies"): a body past its route's limit is
 * answered 413 `{ error, field: 'body' }` before it is read into memory — whether it declares its
 * length or streams chunk by chunk — and the server keeps answering.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type PlenaryServer } from '../utils/server.ts';

const MiB = 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'a');

interface Refused {
  status: number;
  body: { error?: string; field?: string };
  /** Bytes written before the answer came. */
  sent: number;
}

/**
 * Streams up to `maxBytes` of JSON-looking garbage as a chunked body (no Content-Length unless
 * given), as a client that never stops would, and stops as soon as the server answers. With
 * `maxBytes` 0 only the first bytes are sent and the request is left open.
 */
const streamBody = (server: PlenaryServer, method: string, path: string, maxBytes: number, headers: Record<string, string> = {}): Promise<Refused> =>
  new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    // A connection of its own (agent: false): the server answers before the body ends and does not keep it.
    const req = request(
      { host: '127.0.0.1', port: server.port, method, path, agent: false, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        answered = true;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as Refused['body']) : {}, sent }));
      }
    );
    req.on('error', (err) => (answered ? undefined : reject(err)));
    req.write('{"title":"');
    const pump = () => {
      while (!answered && sent < maxBytes) {
        sent += CHUNK.length;
        if (!req.write(CHUNK)) return void req.once('drain', pump);
      }
      if (!answered && maxBytes > 0) req.end('"}');
    };
    pump();
  });

describe('HTTP body limits', () => {
  let server: PlenaryServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.close());

  it('refuses a streamed 4 MiB body to POST /api/workshops with 413 naming the body, and keeps serving', async () => {
    const refused = await streamBody(server, 'POST', '/api/workshops', 4 * MiB);
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({ field: 'body' });
    expect(refused.body.error).toMatch(/^body: larger than \d+ bytes$/);
    expect((await server.fetch('/healthz')).status).toBe(200);
    // A workshop of ordinary size is still created.
    await server.createWorkshop({ title: 'After the flood' });
    expect(server.running).toBe(true);
  });

  it('refuses a body whose Content-Length is too large without waiting for it', async () => {
    // Only the first bytes are sent: the answer must come from the declared length alone.
    const refused = await streamBody(server, 'POST', '/api/workshops', 0, { 'content-length': String(128 * MiB) });
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({ field: 'body' });
  });

  it('gives facilitation actions a small limit: a 100 KiB banner is refused before its token is even checked', async () => {
    const workshop = await server.createWorkshop();
    const refused = await streamBody(server, 'PUT', `/api/workshops/${workshop.id}/banner`, 100 * 1024, {
      authorization: `Bearer ${workshop.tokens.facilitator}`
    });
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({ field: 'body' });
  });

  it('still accepts a workshop with 200 cities (the largest body creation needs)', async () => {
    const cities = Array.from({ length: 200 }, (_, i) => ({
      en: `City ${i} ${'x'.repeat(100)}`,
      native: 'ม'.repeat(120),
      country: 'Country'.repeat(10),
      lang: 'th'
    }));
    const res = await server.fetch('/api/workshops', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Big twinning', cities })
    });
    expect(res.status).toBe(201);
  });

  it('counts the refusals in /metrics', async () => {
    const text = await (await server.fetch('/metrics')).text();
    const line = text.split('\n').find((l) => l.startsWith('plenary_http_refusals_total{reason="body_too_large"}'));
    expect(Number(line?.split(' ')[1])).toBeGreaterThanOrEqual(3);
  });
});
