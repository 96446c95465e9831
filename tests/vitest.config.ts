import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Four projects, named for what they run:
 *  - in-process: pure modules, the module graph, and the sync core and HTTP routes driven inside the
 *                test process (in-memory sockets, `app.request()`, the embedded SQLite store). The
 *                fast tier: `pnpm test:fast`.
 *  - stores:     the store contract and fan-out on real SQLite and real Redis
 *  - processes:  real server processes driven by real y-websocket clients and HTTP
 *  - chromium:   the built web app in real headless Chromium (run after `pnpm build`)
 */
export default defineConfig({
  test: {
    root,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two files at once: one of the real-process files beside one of the Chromium files (each of
    // those projects runs its own files one at a time). Both mostly wait on servers and browsers,
    // so on a 2-core machine this halves the wall time without crowding either.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'in-process',
          include: ['tests/schema/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/architecture/**/*.test.ts', 'tests/in-process/**/*.test.ts']
        }
      },
      {
        extends: true,
        test: { name: 'stores', include: ['tests/persistence/**/*.test.ts', 'tests/fanout/**/*.test.ts'] }
      },
      {
        extends: true,
        test: { name: 'processes', include: ['tests/sync/**/*.test.ts', 'tests/http/**/*.test.ts', 'tests/facilitation/**/*.test.ts', 'tests/versions/**/*.test.ts', 'tests/operator/**/*.test.ts', 'tests/deploy/**/*.test.ts'], fileParallelism: false }
      },
      {
        extends: true,
        test: { name: 'chromium', include: ['tests/e2e/**/*.test.ts'], fileParallelism: false, testTimeout: 120_000 }
      }
    ]
  }
});
