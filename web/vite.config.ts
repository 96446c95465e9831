import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { precompileMessages } from './precompile-messages.ts';

// In `pnpm dev` the API and the sync endpoint live on the Plenary server (PLENARY_API, default :3000).
const api = process.env.PLENARY_API ?? 'http://127.0.0.1:3000';

const SYNC_MODULES = /\/node_modules\/.*\/(yjs|lib0|y-websocket|y-protocols|y-indexeddb)\//;
const BOARD_PAGE_MODULES = /\/src\/lib\/(board|sync|facilitation|session|app|components\/(board|facilitation|app))\//;
/** Imported with import() by the board (BoardPage, CardItem): they stay chunks of their own. */
const BOARD_ON_DEMAND = /\/(ActionEditor|MoveMenu|DeleteConfirm)\.svelte/;

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
        manualChunks: (id) => {
          if (SYNC_MODULES.test(id)) return 'sync';
          if (BOARD_PAGE_MODULES.test(id) && !BOARD_ON_DEMAND.test(id)) return 'board';
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
