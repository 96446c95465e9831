/**
 * The built web app (web/build): a single-page app. Files are served as they are, or as the
 * brotli/gzip copy written at build time (scripts/compress-web.mjs) when the browser accepts it;
 * any other GET that is not an API path gets the app shell (200.html), which routes in the browser.
 *
 * Caching: hashed build files (/_app/immutable/) never change under their name, so browsers keep
 * them for a year without asking again. The shell, the service worker, the manifest and
 * version.json name no hash and must be asked for every time (no-cache revalidates), or a new
 * version would never reach anyone. Other static files (fonts, icons) are kept for an hour.
 *
 * Every page (any HTML answer) gives a browser that has none its device key (sync/device-key.ts),
 * before its sync sockets open, and gives it again to one that has it, so it lasts while in use.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { serialize } from 'hono/utils/cookie';
import { DEVICE_COOKIE } from '@plenary/shared/protocol';
import { DEVICE_COOKIE_MAX_AGE_S, isDeviceKey, newDeviceKey } from '../sync/device-key.ts';

const PLACEHOLDER = '<!doctype html><meta charset="utf-8"><title>Plenary</title><p>Plenary is running. Build the web app with <code>pnpm build</code>.</p>';

export const CacheControl = {
  immutable: 'public, max-age=31536000, immutable',
  revalidate: 'no-cache',
  static: 'public, max-age=3600'
} as const;

/** Files whose name stays the same from version to version. */
const REVALIDATED = new Set(['/service-worker.js', '/manifest.webmanifest', '/_app/version.json', '/200.html', '/index.html']);

const cacheControlFor = (pathname: string): string =>
  pathname.startsWith('/_app/immutable/') ? CacheControl.immutable : REVALIDATED.has(pathname) ? CacheControl.revalidate : CacheControl.static;

/** Web app manifests have their own type (serveStatic does not know the extension). */
const MANIFEST_TYPE = 'application/manifest+json';

/**
 * Did the browser reach us over HTTPS? The server speaks plain HTTP itself; HTTPS ends at a reverse
 * proxy, which says so in X-Forwarded-Proto (its first entry: the outermost proxy's). Read only
 * when TRUST_PROXY says proxies stand in front. (A client that forged it would only get a Secure
 * cookie its own browser refuses over plain HTTP.)
 */
const cameOverHttps = (c: Context, trustProxy: number): boolean =>
  trustProxy > 0 && (c.req.header('x-forwarded-proto') ?? '').split(',')[0]!.trim().toLowerCase() === 'https';

/** The Set-Cookie that gives the browser its device key (the one it has, or a new one). */
const deviceKeyCookie = (c: Context, trustProxy: number): string => {
  const held = getCookie(c, DEVICE_COOKIE);
  return serialize(DEVICE_COOKIE, isDeviceKey(held) ? held : newDeviceKey(), {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    // Over HTTPS the key never travels in clear: a browser keeps it off plain-HTTP requests.
    secure: cameOverHttps(c, trustProxy),
    maxAge: DEVICE_COOKIE_MAX_AGE_S
  });
};

/** `trustProxy`: TRUST_PROXY, whether a proxy in front may say the browser came over HTTPS. */
export const webRoutes = (webDir: string, { trustProxy = 0 }: { trustProxy?: number } = {}) => {
  const app = new Hono();
  const shell = path.join(webDir, '200.html');
  if (!existsSync(webDir)) return app.get('*', (c) => c.html(PLACEHOLDER));
  // serveStatic takes a path relative to the working directory.
  const root = path.relative(process.cwd(), webDir) || '.';
  // serveStatic names the file it sent; the headers are set on its answer afterwards.
  app.use('*', async (c, next) => {
    let sent: string | undefined;
    const answer = await serveStatic({ root, precompressed: true, onFound: (file) => void (sent = file) })(c, next);
    if (!answer || !sent) return answer;
    const headers = answer.headers;
    headers.set('Cache-Control', cacheControlFor(c.req.path));
    if (c.req.path.endsWith('.webmanifest')) headers.set('Content-Type', MANIFEST_TYPE);
    const plain = sent.replace(/\.(br|gz)$/, '');
    if (plain.endsWith('.html')) headers.append('Set-Cookie', deviceKeyCookie(c, trustProxy));
    // Every file with compressed copies varies by Accept-Encoding — also when the plain one is
    // sent (serveStatic says so only when it sends a copy), so no cache hands brotli to a
    // browser that did not ask for it.
    if (plain !== sent || existsSync(`${plain}.br`) || existsSync(`${plain}.gz`)) headers.set('Vary', 'Accept-Encoding');
    return answer;
  });
  app.get('*', async (c) => {
    c.header('Cache-Control', CacheControl.revalidate);
    c.header('Set-Cookie', deviceKeyCookie(c, trustProxy));
    return c.html(existsSync(shell) ? await readFile(shell, 'utf8') : PLACEHOLDER);
  });
  return app;
};
