/**
 * Prints the package.json of a production install: the packages the compiled server leaves
 * external (scripts/build-server.mjs), at the versions server/package.json asks for, and nothing
 * else — every other dependency is inside server/dist. better-sqlite3 is optional: Node 22.13 and
 * newer store boards with node:sqlite and never load it (server/src/persistence/sqlite-driver.ts).
 */
import { readFileSync } from 'node:fs';

const read = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const server = read('../server/package.json');
const root = read('../package.json');
const { EXTERNAL, OPTIONAL } = await import('./server-externals.mjs');
const versions = (names) => Object.fromEntries(names.map((name) => [name, server.dependencies[name]]));

const production = {
  name: 'plenary',
  version: server.version,
  private: true,
  type: 'module',
  engines: root.engines,
  scripts: { start: 'node server/dist/index.mjs' },
  dependencies: versions(EXTERNAL.filter((name) => !OPTIONAL.includes(name))),
  optionalDependencies: versions(OPTIONAL),
  // pnpm 10 runs no install scripts unless named: better-sqlite3 builds (or fetches) its addon.
  pnpm: { onlyBuiltDependencies: ['better-sqlite3'] }
};
process.stdout.write(`${JSON.stringify(production, null, 2)}\n`);
