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
    // In-process and store files run two at a time; the real-process and Chromium projects run their
    // files one at a time (fileParallelism below). `pnpm test` runs the Chromium project beside the
    // others (scripts/run-tests.sh). (Two Chromium files at a time beside the servers lane loaded
    // the 2-core machine to a load average of 14 and made the whole run slower, not faster.)
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
        test: {
          name: 'processes',
          include: [
            'tests/sync/**/*.test.ts',
            'tests/http/**/*.test.ts',
            'tests/facilitation/**/*.test.ts',
            'tests/versions/**/*.test.ts',
            'tests/operator/**/*.test.ts',
            'tests/deploy/**/*.test.ts'
          ],
          fileParallelism: false,
          // After the in-process and store files (two at a time): Vitest runs projects with
          // different worker counts as separate groups, one group after another.
          sequence: { groupOrder: 1 },
          // One worker runs the files one after another and keeps the modules it imported (test
          // utilities, y-websocket, the HTTP client) instead of importing them again for each file:
          // every file starts and closes its own servers, so nothing else carries over.
          isolate: false
        }
      },
      {
        extends: true,
        // One retry: the browser lane shares two cores with the servers lane, and a CI run once
        // failed three browser tests that pass alone and under full load here. A test that fails
        // twice in a row still fails the run; the default reporter marks a retried test.
        // Not isolated, as the processes project: each file launches its own server and Chromium.
        test: {
          name: 'chromium',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          isolate: false,
          sequence: { groupOrder: 2 },
          testTimeout: 120_000,
          retry: 1
        }
      }
    ]
  }
});
