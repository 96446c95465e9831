/**
 * Where the configuration comes from before config.ts parses it: a `.env` file in the working
 * directory (read at start, below the caller's own environment), and warnings about variables
 * that look meant for Plenary but are not read — an unknown `PLENARY_*`, a name one or two
 * letters off ours (`REDIS_URI`), a name from other software (`SECRET_KEY`), ours in lower case.
 * A mistyped setting otherwise falls back to its default without a word.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { CONFIG_VARIABLES } from './config.ts';

type Env = Record<string, string | undefined>;

/**
 * Reads `file` (dotenv syntax, as `node --env-file`) into `env`. A variable the caller already
 * set wins over the file. Returns the names taken from the file, or null when there is no file.
 */
export const loadEnvFile = (env: Env, file: string): string[] | null => {
  if (!existsSync(file)) return null;
  const taken: string[] = [];
  for (const [name, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) {
    if (value === undefined || env[name] !== undefined) continue;
    env[name] = value;
    taken.push(name);
  }
  return taken;
};

/** Names other software uses for what Plenary calls otherwise. */
const ALIASES: Record<string, string> = {
  SECRET_KEY: 'SECRET',
  JWT_SECRET: 'SECRET',
  SESSION_SECRET: 'SECRET',
  APP_SECRET: 'SECRET',
  PORT_NUMBER: 'PORT',
  HTTP_PORT: 'PORT',
  LISTEN_PORT: 'PORT',
  SERVER_PORT: 'PORT',
  BIND_ADDRESS: 'HOST',
  LISTEN_ADDRESS: 'HOST',
  BIND_HOST: 'HOST',
  REDIS_HOST: 'REDIS_URL',
  REDIS_SERVER: 'REDIS_URL',
  REDIS_CONNECTION_STRING: 'REDIS_URL',
  REDIS_PREFIX: 'KEY_PREFIX',
  DATA_PATH: 'DATA_DIR',
  DATA_DIRECTORY: 'DATA_DIR',
  STORAGE_DIR: 'DATA_DIR',
  CHROME_PATH: 'CHROMIUM_PATH',
  CHROME_BIN: 'CHROMIUM_PATH',
  CHROMIUM_BIN: 'CHROMIUM_PATH',
  PUPPETEER_EXECUTABLE_PATH: 'CHROMIUM_PATH',
  WEB_ROOT: 'WEB_DIR',
  STATIC_DIR: 'WEB_DIR',
  LOGLEVEL: 'LOG_LEVEL'
};

/** Variables every machine has that happen to be close to ours (HOME is two letters from HOST). */
const COMMON = new Set([
  'HOME',
  'PATH',
  'HOSTNAME',
  'HOSTTYPE',
  'TERM',
  'USER',
  'SHELL',
  'LANG',
  'PWD',
  'OLDPWD',
  'TMPDIR',
  'NODE_ENV',
  'SHLVL',
  'LOGNAME',
  'MAIL',
  'TZ',
  'PORTS'
]);

/** Edit distance (insertions, deletions, substitutions), stopping early past `max`. */
const distance = (a: string, b: string, max: number): number => {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
};

/** Short names are close to many words: one letter off for names up to six letters, two beyond. */
const tolerance = (name: string): number => (name.length <= 6 ? 1 : 2);

const nearest = (name: string): string | undefined => {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const known of CONFIG_VARIABLES) {
    const d = distance(name, known, tolerance(known));
    if (d >= 1 && d <= tolerance(known) && d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
};

export interface ConfigWarning {
  variable: string;
  /** The variable probably meant, when there is one. */
  meant?: string;
  message: string;
}

/** Warnings about variables in `env` that look meant for Plenary but are not read. */
export const configWarnings = (env: Env): ConfigWarning[] => {
  const known = new Set(CONFIG_VARIABLES);
  const warnings: ConfigWarning[] = [];
  for (const variable of Object.keys(env).sort()) {
    if (known.has(variable) || COMMON.has(variable)) continue;
    const upper = variable.toUpperCase();
    const meant = known.has(upper) ? upper : (ALIASES[upper] ?? (upper.length >= 4 ? nearest(upper) : undefined));
    if (meant) {
      warnings.push({ variable, meant, message: `${variable} is not a Plenary setting and is ignored; did you mean ${meant}?` });
    } else if (upper.startsWith('PLENARY_')) {
      warnings.push({ variable, message: `${variable} is not a Plenary setting and is ignored (see .env.example)` });
    }
  }
  return warnings;
};
