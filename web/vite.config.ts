import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { precompileMessages } from './precompile-messages.ts';

// In `pnpm dev` the API and the sync endpoint live on the Plenary server (PLENARY_API, default :3000).
const api = process.env.PLENARY_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [precompileMessages(), sveltekit()],
  // Chunks under 3 kB are merged into others where that changes no module's side effects. A phone
  // on hotel Wi-Fi fetches scripts over six connections with a round trip each: the board page took
  // 50 files, now 38, for about the same bytes (a larger minimum merges other pages' code into the
  // board's chunks: 5 kB → 155 KiB, 12 kB → 182 KiB against 148 KiB; tests/bench/web-phone.ts).
  build: { rollupOptions: { output: { experimentalMinChunkSize: 3_000 } } },
  server: {
    proxy: {
      '/api': api,
      '/healthz': api,
      '/sync': { target: api.replace(/^http/, 'ws'), ws: true }
    }
  }
});
