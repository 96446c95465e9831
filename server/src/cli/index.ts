/**
 * The operator CLI: `pnpm plenary <command>` (or `node --import tsx server/src/cli/index.ts`).
 * Reads the same configuration as the server (a .env in the working directory, then the
 * environment: DATA_DIR or REDIS_URL + KEY_PREFIX, SECRET…) and opens the same store.
 *
 *   list                                   every workshop: boards, bytes stored, participants, last activity
 *   delete <workshopId> [--yes]            a workshop with everything it owns (without --yes: what would go)
 *   retention --idle-days N [--yes] [--as-of DATE]  workshops with no write for N days (as of DATE: a preview)
 *   backup <file> [--force]                a consistent copy of the store, taken while servers run
 *   restore <file> [--force]               replaces the store's contents (refuses a non-empty store without --force)
 *   export-all <dir>                       every workshop's joint plan in every export format
 *   rotate-secret [--grace-days N]         a new signing secret; links of the old one work N more days (default 30)
 *
 * Every command takes --json. Exit codes: 0 done, 1 refused or failed, 2 bad usage or configuration.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnvFile } from '../config-env.ts';
import { ConfigError, parseConfig } from '../config.ts';
import { createStore } from '../persistence/index.ts';
import { commands, Refused } from './commands.ts';
import { createOutput } from './output.ts';

const USAGE = `Usage: pnpm plenary <command> [options]

  list                               every workshop: boards, bytes stored, participants, last activity
  delete <workshopId> [--yes]        delete a workshop with everything it owns (without --yes: show what would go)
  retention --idle-days N [--yes]    delete workshops with no write for N days (without --yes: list them;
                                     --as-of DATE judges idleness as of that date, to preview a later run)
  backup <file> [--force]            back up the store while servers run (--force overwrites <file>)
  restore <file> [--force]           replace the store's contents with a backup (--force: even when not empty)
  export-all <dir>                   every workshop's joint plan in every export format
  rotate-secret [--grace-days N]     new signing secret; links signed with the old one work N more days (30)

Options: --json (machine-readable output), --help
The store and settings are those of the server: DATA_DIR, or REDIS_URL and KEY_PREFIX (and a .env file here).`;

const wholeNumber = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name}: a whole number of days`);
  return Number(value);
};

class UsageError extends Error {}

const instant = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new UsageError(`--${name}: an ISO 8601 date or instant, such as 2026-06-30`);
  return ms;
};

/** Store messages go to stderr, so --json output on stdout stays parseable. */
const stderrLog = {
  info: () => undefined,
  debug: () => undefined,
  warn: (obj: object, msg?: string) => process.stderr.write(`warning: ${msg ?? ''} ${JSON.stringify(obj)}\n`),
  error: (obj: object, msg?: string) => process.stderr.write(`error: ${msg ?? ''} ${JSON.stringify(obj)}\n`)
};

const main = async (): Promise<number> => {
  // biome-ignore lint/suspicious/noImplicitAnyLet: assigned in the try below; TypeScript types it from that assignment (control-flow typing)
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        yes: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        'idle-days': { type: 'string' },
        'grace-days': { type: 'string' },
        'as-of': { type: 'string' }
      }
    });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const [name, ...args] = parsed.positionals;
  if (parsed.values.help || !name) {
    process.stdout.write(`${USAGE}\n`);
    return name || parsed.values.help ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`unknown command: ${name}\n\n${USAGE}\n`);
    return 2;
  }
  // biome-ignore lint/suspicious/noImplicitAnyLet: assigned in the try below; TypeScript types it from that assignment (control-flow typing)
  let flags;
  // biome-ignore lint/suspicious/noImplicitAnyLet: assigned in the try below; TypeScript types it from that assignment (control-flow typing)
  let config;
  try {
    flags = {
      yes: parsed.values.yes,
      force: parsed.values.force,
      idleDays: wholeNumber('idle-days', parsed.values['idle-days']),
      graceDays: wholeNumber('grace-days', parsed.values['grace-days']),
      asOf: instant('as-of', parsed.values['as-of'])
    };
    loadEnvFile(process.env, path.resolve('.env'));
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof UsageError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const out = createOutput(parsed.values.json);
  const store = await createStore(config, stderrLog);
  try {
    await command({ store, config, out, args, flags });
    return 0;
  } catch (err) {
    if (err instanceof Refused) {
      if (err.message) process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await store.close();
  }
};

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  }
);
