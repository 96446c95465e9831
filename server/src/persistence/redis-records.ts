/**
 * Append-only records on Redis (store.ts StoreRecords): one Redis List per record list, under its
 * own hash tag (redis-keys.ts `records`). The cap is checked and the record pushed in one script,
 * so instances appending at once never pass it. Backups dump the list like any key.
 */
import type { RedisClient } from './redis-client.ts';
import type { RedisKeys } from './redis-keys.ts';
import { runScript, type Script } from './redis-scripts.ts';
import { createHash } from 'node:crypto';

/** KEYS: the list. ARGV: value, max. The length after the push, or false when the list was full. */
const APPEND_RECORD: Script = (() => {
  const source = `
if redis.call('LLEN', KEYS[1]) >= tonumber(ARGV[2]) then return false end
return redis.call('RPUSH', KEYS[1], ARGV[1])
`;
  return { source, sha: createHash('sha1').update(source).digest('hex') };
})();

export const createRedisRecords = (client: () => RedisClient, keys: RedisKeys) => ({
  async appendRecord(list: string, value: string, max: number): Promise<number | null> {
    const length = await runScript<number | null>(client(), APPEND_RECORD, [keys.records(list)], [value, String(max)]);
    return typeof length === 'number' ? length : null;
  },
  async listRecords(list: string): Promise<string[]> {
    return client().lRange(keys.records(list), 0, -1);
  },
  async deleteRecords(list: string): Promise<number> {
    const key = keys.records(list);
    const [length] = (await Promise.all([client().lLen(key), client().del(key)])) as [number, number];
    return length;
  }
});
export type RedisRecords = ReturnType<typeof createRedisRecords>;
