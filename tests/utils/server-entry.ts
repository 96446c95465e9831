/**
 * How tests start the server and the operator CLI. By default from the TypeScript sources through
 * tsx, so a test run alone always runs the code as it is now. `pnpm test` builds first and sets
 * PLENARY_TEST_SERVER=built: every process then starts from the compiled bundle in server/dist —
 * what production runs — which starts in a fraction of the time tsx needs to compile the sources
 * (hundreds of processes start in one run of the suite).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const Entry = {
  server: { built: 'server/dist/index.mjs', source: 'server/src/index.ts' },
  cli: { built: 'server/dist/cli.mjs', source: 'server/src/cli/index.ts' }
} as const;

export const usesBuiltServer = (): boolean => process.env.PLENARY_TEST_SERVER === 'built';

/** Node arguments that run `entry` (relative to the repository root). */
export const entryArgs = (entry: keyof typeof Entry): string[] => {
  if (!usesBuiltServer()) return ['--import', 'tsx', Entry[entry].source];
  const built = Entry[entry].built;
  if (!existsSync(path.join(ROOT, built))) throw new Error(`PLENARY_TEST_SERVER=built but ${built} is missing: run \`pnpm build\` first`);
  return [built];
};
