/**
 * Packages the compiled server keeps out of its bundle and installs next to it instead
 * (scripts/build-server.mjs, scripts/production-package.mjs):
 * - better-sqlite3: a native addon (a .node file) found at run time through `bindings`;
 * - playwright-core: loads its own files (injected scripts, protocol definitions) by path;
 * - tinypool: starts worker threads from its own worker script, resolved next to its module.
 */
export const EXTERNAL = ['better-sqlite3', 'playwright-core', 'tinypool'];
