/**
 * The built web app as browsers receive it: hashed build files compressed (brotli or gzip, by
 * Accept-Encoding, with Vary) and kept for a year; the shell, the service worker and the manifest
 * asked for again every time, so a new version reaches everyone; a web app manifest that lets
 * phones install the app, allowed by the Content-Security-Policy; every page gives the browser
 * its device key, a cookie its scripts cannot read. Needs `pnpm build` (which writes the .br and
 * .gz copies).
 */
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVICE_COOKIE } from '@plenary/shared/protocol';
import { newDeviceKey } from '../utils/clients.ts';
import { REPO_ROOT, startServer, type PlenaryServer } from '../utils/server.ts';

const WEB = path.join(REPO_ROOT, 'web/build');

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET that keeps the body as sent (fetch would decompress it). */
const get = (port: number, pathname: string, headers: Record<string, string> = {}): Promise<RawAnswer> =>
  new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathname, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });

/** The board page's first script: the app entry the shell imports. */
const entryScript = (): string => {
  const shell = readFileSync(path.join(WEB, '200.html'), 'utf8');
  const match = /\/_app\/immutable\/entry\/app\.[^"']+\.js/.exec(shell);
  if (!match) throw new Error('no app entry in web/build/200.html: run pnpm build');
  return match[0];
};

describe('web app files', () => {
  let server: PlenaryServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.close());

  it('sends a hashed script as brotli to a browser that accepts it, with Vary and a year of immutable caching', async () => {
    const script = entryScript();
    const plain = readFileSync(path.join(WEB, script));
    const answer = await get(server.port, script, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/^text\/javascript/);
    expect(String(answer.headers.vary)).toMatch(/accept-encoding/i);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // A script gets nosniff; the document headers (CSP, framing, referrer) would only cost bytes.
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['content-security-policy']).toBeUndefined();
    expect(answer.headers['x-frame-options']).toBeUndefined();
    expect(answer.body.length).toBeLessThan(plain.length);
    expect(brotliDecompressSync(answer.body).equals(plain)).toBe(true);
  });

  it('sends gzip to a browser without brotli, and the plain file (still varying) to one without either', async () => {
    const script = entryScript();
    const plain = readFileSync(path.join(WEB, script));
    const gz = await get(server.port, script, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain)).toBe(true);
    const identity = await get(server.port, script);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.equals(plain)).toBe(true);
    expect(String(identity.headers.vary)).toMatch(/accept-encoding/i);
  });

  it('has the shell, the service worker and version.json asked for again every time', async () => {
    for (const pathname of ['/', '/index.html', '/w/some-workshop/b/some-board', '/service-worker.js', '/_app/version.json']) {
      const answer = await get(server.port, pathname, { 'accept-encoding': 'br' });
      expect(answer.status, pathname).toBe(200);
      expect(answer.headers['cache-control'], pathname).toBe('no-cache');
      // Documents and the service worker keep every security header.
      expect(answer.headers['content-security-policy'], pathname).toMatch(/default-src/);
      expect(answer.headers['x-frame-options'], pathname).toBe('DENY');
      expect(answer.headers['referrer-policy'], pathname).toBe('no-referrer');
    }
  });

  it('serves a web app manifest phones can install from, with icons that exist, allowed by the CSP', async () => {
    const answer = await get(server.port, '/manifest.webmanifest');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(answer.headers['cache-control']).toBe('no-cache');
    const manifest = JSON.parse(answer.body.toString('utf8')) as {
      name: string;
      start_url: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(manifest).toMatchObject({ name: 'Plenary', start_url: '/', display: 'standalone', theme_color: expect.stringMatching(/^#/) });
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) {
      const file = await get(server.port, icon.src);
      expect(file.status, icon.src).toBe(200);
      expect(file.headers['content-type'], icon.src).toContain(icon.type);
    }
    const shell = await get(server.port, '/');
    expect(shell.body.toString('utf8')).toContain('rel="manifest" href="/manifest.webmanifest"');
    expect(String(shell.headers['content-security-policy'])).toContain("manifest-src 'self'");
  });

  it('gives every page a device key the page cannot read, and gives a browser back the key it has', async () => {
    const cookieOf = (answer: RawAnswer): string => {
      const cookies = ([] as string[]).concat(answer.headers['set-cookie'] ?? []).filter((c) => c.startsWith(`${DEVICE_COOKIE}=`));
      expect(cookies).toHaveLength(1);
      return cookies[0]!;
    };
    const keyOf = (cookie: string) => cookie.split(';')[0]!.slice(DEVICE_COOKIE.length + 1);
    const keys = new Set<string>();
    // The shell from any path, the shell file asked for by name (the service worker does), brotli or not.
    for (const [pathname, encoding] of [
      ['/', 'br'],
      ['/w/some-workshop/b/some-board', 'identity'],
      ['/200.html', 'br'],
      ['/index.html', 'gzip']
    ] as const) {
      const cookie = cookieOf(await get(server.port, pathname, { 'accept-encoding': encoding }));
      expect(cookie, pathname).toMatch(/; HttpOnly/);
      expect(cookie, pathname).toMatch(/; SameSite=Lax/);
      expect(cookie, pathname).toMatch(/; Path=\//);
      expect(cookie, pathname).toMatch(/; Max-Age=34560000/);
      expect(keyOf(cookie), pathname).toMatch(/^[A-Za-z0-9_-]{22}$/);
      keys.add(keyOf(cookie));
    }
    expect(keys.size).toBe(4);

    const held = newDeviceKey();
    expect(keyOf(cookieOf(await get(server.port, '/', { cookie: `theme=dark; ${DEVICE_COOKIE}=${held}` })))).toBe(held);
    // A key the server never makes is replaced.
    expect(keyOf(cookieOf(await get(server.port, '/', { cookie: `${DEVICE_COOKIE}=short` })))).not.toBe('short');
    // Scripts, styles and the API carry no cookie.
    expect((await get(server.port, entryScript())).headers['set-cookie']).toBeUndefined();
    expect((await get(server.port, '/healthz')).headers['set-cookie']).toBeUndefined();
    // Plain HTTP here, and without TRUST_PROXY a proxy's word on HTTPS is not taken.
    expect(cookieOf(await get(server.port, '/'))).not.toMatch(/; Secure/);
    expect(cookieOf(await get(server.port, '/', { 'x-forwarded-proto': 'https' }))).not.toMatch(/; Secure/);

    // Behind a trusted proxy that ends HTTPS, the key is kept off plain-HTTP requests.
    const proxied = await startServer({ env: { TRUST_PROXY: '1' } });
    try {
      expect(cookieOf(await get(proxied.port, '/', { 'x-forwarded-proto': 'https' }))).toMatch(/; Secure/);
      expect(cookieOf(await get(proxied.port, '/', { 'x-forwarded-proto': 'http' }))).not.toMatch(/; Secure/);
    } finally {
      await proxied.close();
    }
  });
});
