/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline shell. Keeps this version's build and static files in a cache so that the app — and a
 * board reloaded without Wi-Fi — still opens; the board's content then comes from IndexedDB.
 * Every page of the app is the same SPA shell (200.html, which routes in the browser), so a
 * navigation is answered with this version's copy at once: a returning phone starts the app
 * without a round trip on the venue's Wi-Fi. A new version comes with a new service worker (the
 * browser asks for it on navigations, the page every half hour), whose cache holds the new shell.
 * A board's address is answered with its last view on this device inside the shell, when there is
 * one (lib/last-view/format.ts): the person sees the board before the app has started.
 * The API, the sync endpoint, health and metrics are never cached.
 * A new version takes over at once; the open page offers a reload (lib/app/app-updates.svelte.ts).
 */
import { build, files, version } from '$service-worker';
import { BOARD_PATH, CJK_FONT_FILE, LAST_VIEW_CACHE, lastViewFrom, withLastView } from '$lib/last-view/format.ts';

const sw = self as unknown as ServiceWorkerGlobalScope;

const CACHE = `plenary-${version}`;
const SHELL = '/200.html';
/**
 * Chinese, Japanese and Korean fonts come in hundreds of small subsets (about 7 MB in all); a
 * device fetches only the subsets its pages use, and keeps them once fetched. Everything else is
 * kept at install.
 */
const ASSETS = [...build, ...files, SHELL].filter((path) => !CJK_FONT_FILE.test(path));
const NEVER_CACHED = ['/api/', '/sync', '/healthz', '/metrics'];

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(ASSETS))
      .then(() => sw.skipWaiting())
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      // Last views stay: one drawn by another version is not shown, and is replaced on the next visit.
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE && key !== LAST_VIEW_CACHE).map((key) => caches.delete(key))))
      .then(() => sw.clients.claim())
  );
});

const isNeverCached = (url: URL): boolean => NEVER_CACHED.some((prefix) => url.pathname.startsWith(prefix));

const thisBuild = { version, has: (path: string) => ASSETS.includes(path) };

/** The shell for a page: with the board's last view in it when this device has one this build can show. */
const shellFor = async (pathname: string, request: Request): Promise<Response> => {
  const [shell, kept] = await Promise.all([
    caches.match(SHELL),
    BOARD_PATH.test(pathname) ? caches.open(LAST_VIEW_CACHE).then((cache) => cache.match(pathname)) : undefined
  ]);
  if (!shell) return fetch(request);
  if (!kept) return shell;
  const html = withLastView(await shell.clone().text(), await lastViewFrom(kept), thisBuild);
  if (html === null) return shell;
  // The shell's own headers (its content-security policy among them) go with it, but not those
  // describing the bytes of the stored copy.
  const headers = new Headers(shell.headers);
  for (const name of ['Content-Length', 'Content-Encoding', 'ETag', 'Last-Modified']) headers.delete(name);
  return new Response(html, { status: shell.status, statusText: shell.statusText, headers });
};

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin || isNeverCached(url)) return;

  if (request.mode === 'navigate' && !ASSETS.includes(url.pathname)) {
    event.respondWith(shellFor(url.pathname, request));
    return;
  }

  if (ASSETS.includes(url.pathname)) {
    // Build files are content-hashed: the cached copy is always right.
    event.respondWith(caches.match(url.pathname).then((hit) => hit ?? fetch(request)));
  } else if (CJK_FONT_FILE.test(url.pathname)) {
    event.respondWith(
      caches.match(url.pathname).then(
        (hit) =>
          hit ??
          fetch(request).then(async (response) => {
            if (response.ok) await (await caches.open(CACHE)).put(url.pathname, response.clone());
            return response;
          })
      )
    );
  }
});
