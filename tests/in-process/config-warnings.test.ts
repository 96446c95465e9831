/**
 * Configuration: a `.env` file is read below the caller's environment, and variables that look
 * meant for Plenary but are not read — unknown PLENARY_*, near misses of our names, other
 * software's names for our settings, ours in lower case — are named at start instead of silently
 * falling back to a default.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configWarnings, loadEnvFile } from '@plenary/server/config-env.ts';
import { CONFIG_VARIABLES, parseConfig } from '@plenary/server/config.ts';

const meant = (env: Record<string, string>) => Object.fromEntries(configWarnings(env).map((w) => [w.variable, w.meant ?? null]));

describe('configuration warnings', () => {
  it('names the setting a misspelt variable was probably meant to be', () => {
    expect(meant({ REDIS_URI: 'redis://x', SECRET_KEY: 's', PORT_NUMBER: '80', DATA_DIRR: '/d', TICKMS: '2', port: '80' })).toEqual({
      REDIS_URI: 'REDIS_URL',
      SECRET_KEY: 'SECRET',
      PORT_NUMBER: 'PORT',
      DATA_DIRR: 'DATA_DIR',
      TICKMS: 'TICK_MS',
      port: 'PORT'
    });
  });

  it('warns about unknown PLENARY_* variables, not about PLENARY_BANNER', () => {
    expect(meant({ PLENARY_COLOUR: 'blue', PLENARY_BANNER: '1' })).toEqual({ PLENARY_COLOUR: null });
  });

  it('says nothing about every known variable or the usual variables of a machine', () => {
    const env: Record<string, string> = {
      HOME: '/root',
      PATH: '/bin',
      HOSTNAME: 'box',
      TERM: 'xterm',
      USER: 'u',
      SHELL: '/bin/sh',
      LANG: 'C',
      NODE_ENV: 'production',
      TZ: 'UTC'
    };
    for (const name of CONFIG_VARIABLES) env[name] = '1';
    expect(configWarnings(env)).toEqual([]);
  });

  it('reads PLENARY_BANNER through parseConfig', () => {
    expect(parseConfig({}).PLENARY_BANNER).toBe(false);
    expect(parseConfig({ PLENARY_BANNER: '1' }).PLENARY_BANNER).toBe(true);
    expect(parseConfig({ PLENARY_BANNER: 'false' }).PLENARY_BANNER).toBe(false);
  });
});

describe('.env file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plenary-env-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fills what the caller did not set; the caller wins', () => {
    const file = path.join(dir, '.env');
    writeFileSync(file, '# settings\nPORT=4100\nKEY_PREFIX="from-file"\nLOG_LEVEL=warn\n');
    const env: Record<string, string | undefined> = { PORT: '5000' };
    expect(loadEnvFile(env, file)).toEqual(['KEY_PREFIX', 'LOG_LEVEL']);
    const config = parseConfig(env);
    expect(config).toMatchObject({ PORT: 5000, KEY_PREFIX: 'from-file', LOG_LEVEL: 'warn' });
  });

  it('is optional', () => {
    expect(loadEnvFile({}, path.join(dir, 'missing.env'))).toBeNull();
  });
});
