/**
 * After `vite build`: the app shell (build/200.html) learns which modules each page's route needs,
 * so a page fetches them with the app's entry instead of after it.
 *
 * Every page of this single-page app is the same shell, which preloads only what every page shares
 * (the entry, the root layout, the `app` chunk: web/vite.config.ts). SvelteKit's router asks for a
 * route's own files (its layouts, its page, their small chunks) once the entry has run: on a phone on the
 * venue's Wi-Fi that is a second wave of requests, one round trip after the largest script has
 * arrived and run. A small inline script in the shell matches the address against each route
 * and adds a `modulepreload` for that route's files at once; the server allows it by its hash like
 * the shell's other inline scripts (server/src/http/limits/security-headers.ts). A shell answered
 * with a board's last view has the script moved after the picture, so its requests do not hold the
 * picture back (src/lib/last-view/format.ts).
 *
 * Reads SvelteKit's generated route table (.svelte-kit/generated/client-optimized/app.js: route id
 * → node numbers) and Vite's manifest (node → file and static imports). Fails the build when either
 * is not as expected, rather than ship a shell that silently preloads nothing.
 *
 * Usage (web/package.json `build`): node preload-routes.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.dirname(fileURLToPath(import.meta.url));
const shellFile = path.join(web, 'build/200.html');
const appFile = path.join(web, '.svelte-kit/generated/client-optimized/app.js');
const manifestFile = path.join(web, '.svelte-kit/output/client/.vite/manifest.json');
const MARK = 'data-route-preloads';

const fail = (why) => {
  console.error(`preload-routes: ${why}`);
  process.exit(1);
};

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** SvelteKit route id → a regular expression source for the address (a parameter matches one segment). */
const routePattern = (id) => {
  const segments = id
    .split('/')
    .filter((s) => s && !/^\(.+\)$/.test(s))
    .map((s) => {
      if (/^\[\.\.\.[^\]]+\]$/.test(s)) return '.*';
      if (s.includes('[[')) fail(`optional parameters are not handled (route ${id})`);
      return s
        .split(/\[[^\]]+\]/)
        .map(escapeRegExp)
        .join('[^/]+');
    });
  return `^/${segments.join('/')}/?$`;
};

const app = readFileSync(appFile, 'utf8');
const table = /export const dictionary = \{([\s\S]*?)\};/.exec(app)?.[1] ?? fail(`no route table in ${appFile}`);
const routes = [...table.matchAll(/"([^"]+)":\s*\[([^\n]*)\],?\n/g)].map(([, id, nodes]) => ({
  id,
  // [page, [layouts], [errors]]; a ~ marks a node with a server load, which this app has none of.
  nodes: [...nodes.matchAll(/~?(\d+)/g)].map((m) => Number(m[1]))
}));
if (routes.length === 0) fail(`no routes read from ${appFile}`);

const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const nodeKey = (n) => `.svelte-kit/generated/client-optimized/nodes/${n}.js`;
/** A manifest entry and every module it imports statically (its dynamic imports load later, when used). */
const closure = (key, into = new Set()) => {
  const entry = manifest[key] ?? fail(`${key} is not in ${manifestFile}`);
  if (into.has(entry.file)) return into;
  into.add(entry.file);
  for (const imported of entry.imports ?? []) closure(imported, into);
  return into;
};

let shell = readFileSync(shellFile, 'utf8');
if (shell.includes(MARK)) fail(`${shellFile} already has route preloads (build again from a clean vite build)`);
const preloaded = new Set([...shell.matchAll(/<link href="\/([^"]+)" rel="modulepreload">/g)].map((m) => m[1]));
if (preloaded.size === 0) fail(`no modulepreload links in ${shellFile}`);

// Node 1 is the root error page, which SvelteKit's router loads with every first page.
const preloads = routes
  .map(({ id, nodes }) => {
    const files = new Set();
    for (const n of [...nodes, 1]) closure(nodeKey(n), files);
    return [routePattern(id), [...files].filter((f) => !preloaded.has(f)).map((f) => `/${f}`)];
  })
  .filter(([, files]) => files.length > 0);

const script =
  `<script ${MARK}>` +
  `for(const[p,f]of ${JSON.stringify(preloads)})if(new RegExp(p).test(location.pathname))` +
  `for(const h of f){const l=document.createElement('link');l.rel='modulepreload';l.href=h;document.head.append(l)}` +
  `</script>`;
const at = shell.indexOf('<link href="/');
if (at < 0) fail(`no place for the script in ${shellFile}`);
shell = `${shell.slice(0, at)}${script}\n\t\t${shell.slice(at)}`;
writeFileSync(shellFile, shell);
console.log(`preload-routes: ${preloads.length} routes, ${new Set(preloads.flatMap(([, f]) => f)).size} files, in ${path.relative(web, shellFile)}`);
