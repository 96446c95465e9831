/**
 * Packages the compiled server keeps out of its bundle and installs next to it instead
 * (scripts/build-server.mjs, scripts/production-package.mjs):
 * - better-sqlite3: a native addon (a .node file) found at run time through `bindings`; only Node
 *   before 22.13 loads it (server/src/persistence/sqlite-driver.ts), newer Node uses node:sqlite,
 *   so a production install lists it as optional (scripts/production-package.mjs);
 * - playwright-core: loads its own files (injected scripts, protocol definitions) by path;
 * - tinypool: starts worker threads from its own worker script, resolved next to its module.
 */
export const EXTERNAL = ['better-sqlite3', 'playwright-core', 'tinypool'];

/** External packages a production install may go without (`pnpm install --prod --no-optional` on Node 22.13+). */
export const OPTIONAL = ['better-sqlite3'];
