import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Three projects:
 *  - unit:   pure modules and stores (real SQLite, real Redis)
 *  - server: real server processes driven by real y-websocket clients
 *  - e2e:    the built web app in real headless Chromium (run after `pnpm build`)
 */
export default defineConfig({
  test: {
    root,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/schema/**/*.test.ts', 'tests/persistence/**/*.test.ts', 'tests/fanout/**/*.test.ts', 'tests/unit/**/*.test.ts']
        }
      },
      {
        extends: true,
        test: { name: 'server', include: ['tests/sync/**/*.test.ts', 'tests/http/**/*.test.ts', 'tests/facilitation/**/*.test.ts', 'tests/versions/**/*.test.ts'], fileParallelism: false }
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], fileParallelism: false, testTimeout: 120_000 }
      }
    ]
  }
});
