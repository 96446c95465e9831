/** The benchmark's own Redis keys: a unique prefix per run, deleted at the end whatever happened. */
import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';

export const uniqueKeyPrefix = (): string => `plenary-bench-${Date.now()}-${randomBytes(4).toString('hex')}`;

/** True when a Redis server answers at `url`. */
export const redisAnswers = async (url: string): Promise<boolean> => {
  const client = createClient({ url, socket: { connectTimeout: 2_000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    if (client.isOpen) await client.close();
  }
};

/** Deletes every key under `prefix`; returns how many were deleted. */
export const deleteKeys = async (url: string, prefix: string): Promise<number> => {
  const client = createClient({ url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    let deleted = 0;
    for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      const keys = (Array.isArray(batch) ? batch : [batch]) as string[];
      if (keys.length > 0) deleted += await client.del(keys);
    }
    return deleted;
  } finally {
    await client.close();
  }
};
