import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { precompileMessages } from './precompile-messages.ts';

// In `pnpm dev` the API and the sync endpoint live on the Plenary server (PLENARY_API, default :3000).
const api = process.env.PLENARY_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [precompileMessages(), sveltekit()],
  server: {
    proxy: {
      '/api': api,
      '/healthz': api,
      '/sync': { target: api.replace(/^http/, 'ws'), ws: true }
    }
  }
});
