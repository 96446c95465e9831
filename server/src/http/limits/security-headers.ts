/**
 * Response headers that keep the app shell and the API from being framed, sniffed or made to run
 * someone else's script. A header a route set itself (the print page and the exports send their
 * own stricter policy) is kept.
 *
 * The app shell's policy allows only the server's own scripts plus the shell's inline scripts
 * (SvelteKit's bootstrap, and the early sync socket of web/src/app.html), by hash: the hashes are
 * read from the built shell when the server starts. Styles may be inline (Svelte writes style
 * attributes); images and fonts may be data: URLs (the QR code, the smallest font subsets); connections go to this host only, over HTTP(S) and WebSocket (the
 * board's sync). No eval (the web app turns off zod's eval probe in hooks.client.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { MiddlewareHandler } from 'hono';

const SHELLS = ['200.html', 'index.html'];

/** 'sha256-…' sources of every inline <script> in the built shell pages. */
export const inlineScriptHashes = (webDir: string): string[] => {
  const hashes = new Set<string>();
  for (const name of SHELLS) {
    const file = path.join(webDir, name);
    if (!existsSync(file)) continue;
    const html = readFileSync(file, 'utf8');
    for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
      hashes.add(`'sha256-${createHash('sha256').update(match[1]!, 'utf8').digest('base64')}'`);
    }
  }
  return [...hashes];
};

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

const appPolicy = (scriptSources: string, host: string | undefined): string =>
  [
    "default-src 'self'",
    `script-src 'self'${scriptSources}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    // The build inlines the smallest font subsets as data: URLs.
    "font-src 'self' data:",
    // 'self' covers ws(s): of this host in current browsers; named as well for older ones.
    `connect-src 'self'${host ? ` ws://${host} wss://${host}` : ''}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'"
  ].join('; ');

/** JSON and other API answers: nothing to run, nothing to load, not to be framed. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * The build's hashed scripts, styles and fonts. Framing, referrer and content-security headers
 * govern documents (and workers); on a script or a font they do nothing — yet at about 450 bytes
 * each they were a fifth of what a phone received for the board page's 49 scripts. These get
 * `nosniff` only. Images are left out (an SVG opened on its own is a document).
 */
const HASHED_ASSET = /^\/_app\/immutable\/.+\.(js|css|woff2)$/;

/** How often the shell's files are looked at again: not on every request for an asset. */
const RECHECK_MS = 1000;

/** The script sources for the shell, read again whenever the build changes (a rebuild while running). */
const shellScripts = (webDir: string): (() => string) => {
  let stamp = '';
  let sources = '';
  let checkedAt = -Infinity;
  return () => {
    if (performance.now() - checkedAt < RECHECK_MS) return sources;
    checkedAt = performance.now();
    const now = SHELLS.map((name) => {
      const file = path.join(webDir, name);
      return existsSync(file) ? statSync(file).mtimeMs : 0;
    }).join(',');
    if (now !== stamp) {
      stamp = now;
      const hashes = inlineScriptHashes(webDir);
      sources = hashes.length > 0 ? ` ${hashes.join(' ')}` : '';
    }
    return sources;
  };
};

export const securityHeaders = (webDir: string): MiddlewareHandler => {
  const scriptSources = shellScripts(webDir);
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    const setIfAbsent = (name: string, value: string) => {
      if (!headers.has(name)) headers.set(name, value);
    };
    if (HASHED_ASSET.test(c.req.path)) {
      setIfAbsent('X-Content-Type-Options', 'nosniff');
      return;
    }
    const host = c.req.header('host');
    const isApi = c.req.path.startsWith('/api/') || c.req.path === '/metrics' || c.req.path === '/healthz';
    if (!headers.has('Content-Security-Policy')) {
      headers.set('Content-Security-Policy', isApi ? API_POLICY : appPolicy(scriptSources(), host && HOST.test(host) ? host : undefined));
    }
    setIfAbsent('X-Frame-Options', 'DENY');
    setIfAbsent('X-Content-Type-Options', 'nosniff');
    // Board links carry their token in the URL: never send it on to another site.
    setIfAbsent('Referrer-Policy', 'no-referrer');
  };
};
