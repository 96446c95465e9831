/**
 * The Lua scripts of the Redis store. Each one runs atomically inside Redis, which is what makes
 * append, load and compaction safe while several server instances work on the same document:
 * no instance can observe a snapshot without the log entries it does not cover.
 *
 * Run through `sendCommand` (EVALSHA, falling back to EVAL once per connection) rather than
 * MULTI, because node-redis queues a MULTI while offline instead of failing it at once.
 */
import { createHash } from 'node:crypto';
import { RESP_TYPES } from 'redis';
import type { RedisClient } from './redis-client.ts';

export interface Script {
  source: string;
  sha: string;
}

const script = (source: string): Script => ({
  source,
  sha: createHash('sha1').update(source).digest('hex')
});

/** Byte values come back as Buffers; everything else as usual. */
export const BINARY = { [RESP_TYPES.BLOB_STRING]: Buffer } as const;

/**
 * KEYS: log, snapshot. ARGV: the updates. Appends each update as one stream entry (field `u`),
 * keeps the running byte count of the log. Returns { log length, bytes held }.
 */
export const APPEND = script(`
local added = 0
for i = 1, #ARGV do
  redis.call('XADD', KEYS[1], '*', 'u', ARGV[i])
  added = added + #ARGV[i]
end
local logBytes = redis.call('HINCRBY', KEYS[2], 'logBytes', added)
return { redis.call('XLEN', KEYS[1]), logBytes + redis.call('HSTRLEN', KEYS[2], 'data') }
`);

/**
 * KEYS: log, snapshot. Returns { snapshot bytes or nil, covered id or nil, entries after it },
 * each entry being { id, { 'u', bytes } }.
 */
export const LOAD = script(`
local snap = redis.call('HMGET', KEYS[2], 'data', 'upto')
local from = '-'
if snap[2] then from = '(' .. snap[2] end
return { snap[1], snap[2], redis.call('XRANGE', KEYS[1], from, '+') }
`);

/**
 * KEYS: lock, snapshot, log. ARGV: lock token, folded snapshot, covered id, trim threshold
 * (the id right after the covered one), bytes of the folded entries.
 * Only while the caller still holds the lock: writes the snapshot and the id it covers and trims
 * exactly the entries it folded (XTRIM MINID keeps every entry appended since). Returns
 * { log length, bytes held }, or nil when the lock was lost (expired, or the document deleted).
 */
export const COMMIT_COMPACTION = script(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return nil end
redis.call('HSET', KEYS[2], 'data', ARGV[2], 'upto', ARGV[3])
local logBytes = redis.call('HINCRBY', KEYS[2], 'logBytes', -tonumber(ARGV[5]))
redis.call('XTRIM', KEYS[3], 'MINID', ARGV[4])
return { redis.call('XLEN', KEYS[3]), logBytes + #ARGV[2] }
`);

/** KEYS: lock. ARGV: token. Deletes the lock only if it is still ours. */
export const RELEASE_LOCK = script(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

/** KEYS: meta hash. ARGV: field, value. Returns the value stored afterwards. */
export const SET_META_IF_ABSENT = script(`
redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
return redis.call('HGET', KEYS[1], ARGV[1])
`);

type Arg = string | Buffer;

export const runScript = async <T>(client: RedisClient, s: Script, keys: string[], args: Arg[], binary = false): Promise<T> => {
  const options = binary ? { typeMapping: BINARY } : undefined;
  const tail: Arg[] = [String(keys.length), ...keys, ...args];
  try {
    return (await client.sendCommand(['EVALSHA', s.sha, ...tail], options)) as T;
  } catch (err) {
    if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
    return (await client.sendCommand(['EVAL', s.source, ...tail], options)) as T;
  }
};
