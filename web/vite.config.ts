import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Rollup } from 'vite';
import { precompileMessages } from './precompile-messages.ts';

// In `pnpm dev` the API and the sync endpoint live on the Plenary server (PLENARY_API, default :3000).
const api = process.env.PLENARY_API ?? 'http://127.0.0.1:3000';

const SYNC_MODULES = /\/node_modules\/.*\/(yjs|lib0|y-websocket|y-protocols|y-indexeddb)\//;
/**
 * The app's own code (and the shared schema) that may go into the `board` chunk. Stylesheets a
 * route imports (the fonts' rules) stay with that route: in the chunk's stylesheet they would come
 * before app.css, whose rules they must follow.
 */
const APP_MODULES = /\/(web\/src\/lib|shared\/src)\/.*(?<!\.css)$/;
/** The route files a board's first view runs: the root layout, the workshop's layout, the board page. */
const BOARD_ROUTE = /\/src\/routes\/(\+layout\.(svelte|ts)|w\/\[workshopId\]\/(\+layout\.(svelte|ts)|b\/\[boardId\]\/\+page\.svelte))$/;

/**
 * Every module the board page imports statically, from its route files down: what its first view
 * needs. Whatever the page imports with import() (the action editor, versions, exports, the QR
 * encoder) or only other pages use (the wall, the new-workshop form) is left out. Computed once per
 * build (the module graph is complete when Rollup asks for chunks).
 */
const boardPageModules = (() => {
  const perBuild = new WeakMap<Rollup.GetModuleInfo, Set<string>>();
  return (getModuleIds: () => IterableIterator<string>, getModuleInfo: Rollup.GetModuleInfo): Set<string> => {
    let reached = perBuild.get(getModuleInfo);
    if (reached) return reached;
    reached = new Set();
    const queue = [...getModuleIds()].filter((id) => BOARD_ROUTE.test(id));
    for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
      if (reached.has(id)) continue;
      reached.add(id);
      queue.push(...(getModuleInfo(id)?.importedIds ?? []));
    }
    perBuild.set(getModuleInfo, reached);
    return reached;
  };
})();

export default defineConfig({
  plugins: [precompileMessages(), sveltekit()],
  build: {
    rollupOptions: {
      output: {
        // A phone on hotel Wi-Fi fetches scripts over six connections with a round trip each, and
        // SvelteKit asks for a page's own modules only once its entry has run: split in 38 files,
        // the board page's scripts came in two waves. The board page's code is now two files
        // (`board`: what it draws and runs; `sync`: Yjs and its providers), fetched with the entry
        // by every page, since the layout imports from them: 11 files, 139.9 KiB as received
        // instead of 146.1, and an emulated phone's first open of a board 5.7 → 4.6 s (median of
        // three, same machine and run; tests/bench/web-phone.ts). The parts a board loads when
        // asked (the action editor, move and delete dialogs, versions, exports) stay out of it.
        manualChunks: (id, { getModuleIds, getModuleInfo }) => {
          if (SYNC_MODULES.test(id)) return 'sync';
          if (APP_MODULES.test(id) && boardPageModules(getModuleIds, getModuleInfo).has(id)) return 'board';
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
