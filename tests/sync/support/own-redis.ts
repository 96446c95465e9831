/**
 * A redis-server of one test, on a random port, with its append-only file in a temporary
 * directory: SIGKILLed it loses nothing written before the kill (the AOF is written on every
 * command), so a test can take Redis away and bring it back with the workshop records intact and
 * see what the server wrote — or failed to write — meanwhile. Never the shared Redis.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface OwnRedis {
  readonly url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and deletes its files. */
  close(): Promise<void>;
}

const launch = (port: number, dir: string): Promise<ChildProcess> => {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`redis-server on ${port} exited (${code}): ${output.slice(-400)}`)));
    child.once('error', reject);
  });
};

export const startOwnRedis = async (): Promise<OwnRedis> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plenary-redis-'));
  let child: ChildProcess | null = null;
  let port = 0;
  for (let attempt = 0; !child; attempt++) {
    port = 20_000 + Math.floor(Math.random() * 40_000);
    try {
      child = await launch(port, dir);
    } catch (err) {
      if (attempt >= 5) throw err;
    }
  }
  // The test run's process outlives this Redis (its files run one after another in one worker):
  // the listener goes when the Redis is closed, or they pile up past Node's listener warning.
  const killAtExit = () => child?.kill('SIGKILL');
  process.once('exit', killAtExit);
  const stop = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    stop,
    start: async () => {
      await stop();
      child = await launch(port, dir);
    },
    close: async () => {
      await stop();
      process.off('exit', killAtExit);
      rmSync(dir, { recursive: true, force: true });
    }
  };
};
