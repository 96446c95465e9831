import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** The app is local-first: every page renders in the browser from the Yjs document,
 *  so it is built as a single-page app that the Plenary server serves from one port. */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html', strict: false }),
    // Registered by the app (lib/app/app-updates.svelte.ts), which tells the person when a new version is ready.
    serviceWorker: { register: false }
  }
};
