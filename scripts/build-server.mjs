/**
 * Compiles the server to plain JavaScript for production: server/dist/index.mjs (the server),
 * server/dist/cli.mjs (the operator CLI) and server/dist/render-worker.mjs (the export render
 * worker, which render-pool.ts loads next to the module). @plenary/shared and every pure-JS dependency are bundled in; what must stay a package
 * is left external and listed in the production package.json that scripts/bundle.sh writes.
 */
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXTERNAL } from './server-externals.mjs';

const server = fileURLToPath(new URL('../server/', import.meta.url));

const pkg = JSON.parse(readFileSync(`${server}package.json`, 'utf8'));
for (const name of EXTERNAL) {
  if (!pkg.dependencies?.[name]) throw new Error(`${name} is external but not a dependency of server/package.json`);
}

rmSync(`${server}dist`, { recursive: true, force: true });
await build({
  entryPoints: {
    index: `${server}src/index.ts`,
    // The operator CLI (backup, restore, retention…), so a production install has it too.
    cli: `${server}src/cli/index.ts`,
    'render-worker': `${server}src/exports/render-worker-entry.ts`
  },
  outdir: `${server}dist`,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: EXTERNAL,
  sourcemap: true,
  // Bundled CommonJS packages (pino, ws, redis…) call require() for Node's own modules; an ES
  // module has no require, so the bundle gets one.
  banner: { js: "import { createRequire as __plenaryRequire } from 'node:module'; const require = __plenaryRequire(import.meta.url);" },
  logLevel: 'warning'
});
console.log('server/dist: index.mjs, cli.mjs, render-worker.mjs');
