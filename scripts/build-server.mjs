/**
 * Compiles the server to plain JavaScript for production: server/dist/index.mjs (the server),
 * server/dist/cli.mjs (the operator CLI), server/dist/render-worker.mjs (the export render
 * worker, which render-pool.ts loads next to the module) and server/dist/fold-worker.mjs (the
 * compaction's fold, which fold-pool.ts loads the same way), server/dist/checkpoint-worker.mjs (the
 * embedded store's checkpoints, which sqlite-checkpoints.ts loads the same way) and server/dist/print-worker.mjs (the
 * PDF printer's thread, which print-thread.ts starts the same way). @plenary/shared and every pure-JS dependency are bundled in; what must stay a package
 * is left external and listed in the production package.json that scripts/bundle.sh writes.
 *
 * The server's memory at rest counts what start-up reads (README, "Performance"), hence:
 * - code splitting: a module the server imports dynamically (the Redis client, export renderers)
 *   goes to its own file in server/dist and is read only when first used;
 * - no comments or indentation, and ASCII only: V8 keeps every module's source in memory, twice
 *   as large when a single character in it is not Latin-1;
 * - zod's error messages in English only: the server answers in English, and the other 40-odd
 *   languages would be half of zod's code;
 * - @plenary/shared declared free of side effects (its modules only define things), so a module
 *   of it none of whose exports the server uses — a renderer only the export worker calls — is
 *   left out together with its libraries.
 *
 * Usage: node scripts/build-server.mjs [OUTDIR]  (default server/dist; scripts/bundle.sh writes
 * straight into its bundle, so building one never touches the server/dist that running tests use).
 */
import { build } from 'esbuild';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTERNAL } from './server-externals.mjs';

const server = fileURLToPath(new URL('../server/', import.meta.url));

const pkg = JSON.parse(readFileSync(`${server}package.json`, 'utf8'));
for (const name of EXTERNAL) {
  if (!pkg.dependencies?.[name]) throw new Error(`${name} is external but not a dependency of server/package.json`);
}

/** zod's `locales` namespace with English alone (the locale zod configures by default). */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({ contents: 'export { default as en } from "./en.js";', loader: 'js' }));
  }
};

/** Where the compiled files go. */
const outdir = path.resolve(process.argv[2] ?? `${server}dist`);

const sharedSource = `${fileURLToPath(new URL('../shared/src/', import.meta.url))}`;

/** Marks every module of @plenary/shared as free of side effects (esbuild's `sideEffects: false`). */
const sharedWithoutSideEffects = {
  name: 'shared-without-side-effects',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData?.resolving) return undefined;
      const inShared = args.path.startsWith('@plenary/shared') || args.importer.startsWith(sharedSource);
      if (!inShared) return undefined;
      const resolved = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { resolving: true } });
      if (resolved.errors.length > 0 || !resolved.path.startsWith(sharedSource)) return undefined;
      return { ...resolved, sideEffects: false };
    });
  }
};

/** Escapes every non-ASCII character left in the output (esbuild leaves some in regular expressions) as \uXXXX. */
const asciiOnly = (file) => {
  const text = readFileSync(file, 'utf8');
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(file, ascii);
};

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: {
    index: `${server}src/index.ts`,
    // The operator CLI (backup, restore, retention…), so a production install has it too.
    cli: `${server}src/cli/index.ts`,
    'render-worker': `${server}src/exports/render-worker-entry.ts`,
    'fold-worker': `${server}src/persistence/fold-worker-entry.ts`,
    'checkpoint-worker': `${server}src/persistence/checkpoint-worker-entry.ts`,
    'print-worker': `${server}src/exports/print-worker-entry.ts`
  },
  outdir,
  outExtension: { '.js': '.mjs' },
  // Chunks sit beside the entries: render-pool.ts, fold-pool.ts, sqlite-checkpoints.ts and print-thread.ts find their workers next to their own modules.
  splitting: true,
  minifyWhitespace: true,
  plugins: [zodEnglishOnly, sharedWithoutSideEffects],
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
for (const name of readdirSync(outdir)) if (name.endsWith('.mjs')) asciiOnly(path.join(outdir, name));
console.log(`${path.relative(process.cwd(), outdir) || '.'}: index.mjs, cli.mjs, render-worker.mjs, fold-worker.mjs, checkpoint-worker.mjs, print-worker.mjs`);
