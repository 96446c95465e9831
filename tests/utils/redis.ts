/**
 * Redis for tests: the shared server (REDIS_URL, default redis://127.0.0.1:6379) isolated by a
 * unique key prefix per test run and cleaned up afterwards, and private throw-away redis-server
 * processes for tests that take Redis away (never the shared one).
 *
 * When the shared Redis does not answer: with CI or REQUIRE_REDIS set, importing this module
 * fails the suite; otherwise Redis suites are skipped with a message saying why.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createClient } from 'redis';
import { describe } from 'vitest';

export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const redisRequired = Boolean(process.env.CI || process.env.REQUIRE_REDIS);

const answers = async (url: string): Promise<boolean> => {
  const client = createClient({ url, socket: { reconnectStrategy: false, connectTimeout: 2_000 } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    if (client.isOpen) client.destroy();
  }
};

const redisServerInstalled = spawnSync('redis-server', ['--version']).status === 0;

export const redisAvailable = await answers(REDIS_URL);
if (!redisAvailable) {
  const why = `no Redis answers at ${REDIS_URL.replace(/:[^:@/]*@/, ':***@')}`;
  if (redisRequired) throw new Error(`Redis is required (CI or REQUIRE_REDIS is set) but ${why}.`);
  console.warn(`Skipping Redis test suites: ${why}. Start redis-server or set REDIS_URL; set REQUIRE_REDIS=1 to make this an error.`);
}
if (!redisServerInstalled && redisRequired) {
  throw new Error('Redis is required (CI or REQUIRE_REDIS is set) but the redis-server binary is not on PATH.');
}

/** `describe` when Redis answers, `describe.skip` otherwise (the reason is printed once above). */
export const describeRedis = redisAvailable ? describe : describe.skip;
/** For suites that start their own redis-server processes. */
export const describePrivateRedis = redisAvailable && redisServerInstalled ? describe : describe.skip;

/** A key prefix no other test run uses (valid as KEY_PREFIX). */
export const uniqueKeyPrefix = (label: string): string => `plenary-test:${label}:${process.pid}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;

/** Deletes every key under `prefix:` on the given Redis; returns how many were deleted. */
export const deleteKeysUnder = async (prefix: string, url = REDIS_URL): Promise<number> => {
  const client = createClient({ url });
  client.on('error', () => undefined);
  await client.connect();
  let deleted = 0;
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}:*`, COUNT: 1000 })) {
      if (keys.length > 0) deleted += await client.unlink(keys);
    }
  } finally {
    client.destroy();
  }
  return deleted;
};

/** Polls `condition` until it holds (or throws after `timeoutMs`). */
export const waitUntil = async (
  condition: () => boolean | Promise<boolean>,
  { timeoutMs = 10_000, intervalMs = 20, what = 'condition' } = {}
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
};

/** A redis-server child process of this test, on its own random port, that can be killed and restarted. */
export interface PrivateRedis {
  readonly port: number;
  readonly url: string;
  /** SIGKILLs the server and waits for it to be gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: it keeps nothing on disk). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const launch = async (port: number): Promise<ChildProcess> => {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`redis-server on port ${port} exited (${code}): ${output.slice(-500)}`)));
    child.once('error', reject);
  });
  child.stdout?.removeAllListeners('data');
  child.stdout?.resume();
  child.removeAllListeners('exit');
  return child;
};

const randomPort = () => 20_000 + Math.floor(Math.random() * 40_000);

export const startPrivateRedis = async (): Promise<PrivateRedis> => {
  let child: ChildProcess | undefined;
  let port = 0;
  for (let attempt = 0; !child; attempt++) {
    port = randomPort();
    try {
      child = await launch(port);
    } catch (err) {
      if (attempt >= 5) throw err;
    }
  }
  const kill = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  };
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill,
    restart: async () => {
      await kill();
      child = await launch(port);
    },
    close: kill
  };
};
