import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Rollup } from 'vite';
import { precompileMessages } from './precompile-messages.ts';

// In `pnpm dev` the API and the sync endpoint live on the Plenary server (PLENARY_API, default :3000).
const api = process.env.PLENARY_API ?? 'http://127.0.0.1:3000';

const SYNC_MODULES = /\/node_modules\/.*\/(yjs|lib0|y-websocket|y-protocols|y-indexeddb)\//;
/**
 * Stylesheets stay with the module that imports them (a route, a component): in a shared chunk's
 * stylesheet the fonts' rules would come before app.css, whose rules they must follow.
 */
const STYLESHEET = /\.css$/;
/** The app's own code (and the shared schema) that may go into the `board` chunk. */
const APP_MODULES = /\/(web\/src\/lib|shared\/src)\//;
/** The route files a board's first view runs: the root layout, the workshop's layout, the board page. */
const BOARD_ROUTE = /\/src\/routes\/(\+layout\.(svelte|ts)|w\/\[workshopId\]\/(\+layout\.(svelte|ts)|b\/\[boardId\]\/\+page\.svelte))$/;
/**
 * What a person new to a workshop opens first: SvelteKit's entry, the root layout, the landing page
 * and the join pages (the code typed or scanned, then who they are).
 */
const FIRST_PAGES =
  /(\.svelte-kit\/generated\/client-optimized\/app\.js|@sveltejs\/kit\/src\/runtime\/client\/entry\.js|\/src\/routes\/(\+layout\.(svelte|ts)|\+page\.svelte|\+error\.svelte|join\/(\[code\]\/)?\+page\.svelte))$/;

/**
 * Every module reached by static imports from the modules `roots` matches: what those pages run
 * before they are drawn. Whatever they import with import() (the action editor, versions, exports,
 * the QR encoder) is left out. Computed once per build (the module graph is complete when Rollup
 * asks for chunks).
 */
const reachedFrom = (roots: RegExp) => {
  const perBuild = new WeakMap<Rollup.GetModuleInfo, Set<string>>();
  return (getModuleIds: () => IterableIterator<string>, getModuleInfo: Rollup.GetModuleInfo): Set<string> => {
    let reached = perBuild.get(getModuleInfo);
    if (reached) return reached;
    reached = new Set();
    const queue = [...getModuleIds()].filter((id) => roots.test(id));
    for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
      if (reached.has(id)) continue;
      reached.add(id);
      queue.push(...(getModuleInfo(id)?.importedIds ?? []));
    }
    perBuild.set(getModuleInfo, reached);
    return reached;
  };
};
const boardPageModules = reachedFrom(BOARD_ROUTE);
const firstPageModules = reachedFrom(FIRST_PAGES);

export default defineConfig({
  plugins: [precompileMessages(), sveltekit()],
  build: {
    // terser's two passes make the board page's first scripts 4.5 KiB smaller, as received, than
    // esbuild's minifier (114.8 against 119.3 KiB), which pays for splitting `app` from `board`.
    minify: 'terser',
    terserOptions: { compress: { passes: 2 } },
    rollupOptions: {
      output: {
        // A phone on hotel Wi-Fi fetches scripts over six connections with a round trip each, and
        // SvelteKit asks for a page's own modules only once its entry has run: split in 38 files,
        // the board page's scripts came in two waves. The board page's code is three files: `app`
        // (what the board shares with the first pages a new delegate opens: Svelte's and
        // SvelteKit's runtimes, the messages, the session), `board` (what only the board draws and
        // runs) and `sync` (Yjs and its providers); an emulated phone's first open of a board 5.7 →
        // 4.6 s when they became one wave (median of three, same machine and run;
        // tests/bench/web-phone.ts). The join page, the first page of every delegate (the code
        // scanned at the venue), fetches only `app`: 56.5 KiB of scripts instead of 117.5, its
        // form drawn on an emulated phone at 1.1 s instead of 1.5 (when everything was in `board`,
        // the page the layout imported from). The parts a board loads when asked (the action
        // editor, move and delete dialogs, versions, exports) stay out of all three.
        manualChunks: (id, { getModuleIds, getModuleInfo }) => {
          if (STYLESHEET.test(id)) return undefined;
          if (SYNC_MODULES.test(id)) return 'sync';
          const onBoard = boardPageModules(getModuleIds, getModuleInfo).has(id);
          if (onBoard && firstPageModules(getModuleIds, getModuleInfo).has(id)) return 'app';
          if (onBoard && APP_MODULES.test(id)) return 'board';
          return undefined;
        },
        // Other chunks under 3 kB are merged where that changes no module's side effects.
        experimentalMinChunkSize: 3_000
      }
    }
  },
  server: {
    proxy: {
      '/api': api,
      '/healthz': api,
      '/sync': { target: api.replace(/^http/, 'ws'), ws: true }
    }
  }
});
