/**
 * How tests start the server and the operator CLI. By default from the TypeScript sources through
 * tsx, so a test run alone always runs the code as it is now. `pnpm test` builds first and sets
 * PLENARY_TEST_SERVER=built: every process then starts from the compiled bundle in server/dist —
 * what production runs — which starts in a fraction of the time tsx needs to compile the sources
 * (hundreds of processes start in one run of the suite). A folder instead of `built` (relative to
 * the repository root) starts the compiled server there: the bench compiles its own (bench/processes.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const Entry = {
  server: { built: 'index.mjs', source: 'server/src/index.ts' },
  cli: { built: 'cli.mjs', source: 'server/src/cli/index.ts' }
} as const;

/** The folder of the compiled server the tests start, or null to start the sources. */
const builtFolder = (): string | null => {
  const setting = process.env.PLENARY_TEST_SERVER;
  if (!setting) return null;
  return setting === 'built' ? 'server/dist' : setting;
};

export const usesBuiltServer = (): boolean => builtFolder() !== null;

/** Node arguments that run `entry` (relative to the repository root). */
export const entryArgs = (entry: keyof typeof Entry): string[] => {
  const folder = builtFolder();
  if (folder === null) return ['--import', 'tsx', Entry[entry].source];
  const built = path.join(folder, Entry[entry].built);
  if (!existsSync(path.join(ROOT, built)))
    throw new Error(`PLENARY_TEST_SERVER=${process.env.PLENARY_TEST_SERVER} but ${built} is missing: run \`pnpm build\` first`);
  return [built];
};
