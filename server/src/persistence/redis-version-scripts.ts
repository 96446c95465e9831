/**
 * Lua scripts for a document's saved versions in Redis: saving one and applying the retention
 * limit happen in one atomic step, so two instances saving at once never prune past the limit
 * or leave an entry without its content.
 */
import { createHash } from 'node:crypto';
import type { Script } from './redis-scripts.ts';

const script = (source: string): Script => ({ source, sha: createHash('sha1').update(source).digest('hex') });

/** Removes one version from the four keys; shared by the scripts below. */
const REMOVE = `
local function remove(id)
  redis.call('LREM', KEYS[1], 1, id)
  redis.call('HDEL', KEYS[2], id)
  redis.call('HDEL', KEYS[3], id)
  redis.call('SREM', KEYS[4], id)
end
`;

/**
 * KEYS: versions list, entries hash, data hash, auto set. ARGV: id, entry JSON, data, '1' when
 * automatic, keep, hard cap. Fails when the id exists. Past `keep`, removes the oldest automatic
 * versions; past the hard cap, the oldest of any kind. Returns the pruned ids.
 */
export const SAVE_VERSION = script(`${REMOVE}
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return redis.error_reply('version ' .. ARGV[1] .. ' exists') end
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
if ARGV[4] == '1' then redis.call('SADD', KEYS[4], ARGV[1]) end
local keep = tonumber(ARGV[5])
local cap = tonumber(ARGV[6])
local n = redis.call('LLEN', KEYS[1])
local pruned = {}
if n > keep then
  for _, id in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
    if n <= keep then break end
    if redis.call('SISMEMBER', KEYS[4], id) == 1 then
      remove(id)
      n = n - 1
      table.insert(pruned, id)
    end
  end
end
if n > cap then
  for _, id in ipairs(redis.call('LRANGE', KEYS[1], 0, n - cap - 1)) do
    remove(id)
    table.insert(pruned, id)
  end
end
return pruned
`);

/** KEYS: as SAVE_VERSION. ARGV: id. Returns 1 when it removed the version, else 0. */
export const DELETE_VERSION = script(`${REMOVE}
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 then return 0 end
remove(ARGV[1])
return 1
`);
