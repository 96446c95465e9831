/**
 * A throw-away Redis Cluster for a test: three masters (no replicas) on free ports, in a temporary
 * directory, keeping nothing on disk; joined with `redis-cli --cluster create` and ready once every
 * node reports cluster_state:ok. close() kills the servers and removes the directory.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface LocalCluster {
  ports: number[];
  /** REDIS_URL naming the cluster (two seed nodes: the client discovers the third). */
  url: string;
  close(): Promise<void>;
}

/** Each node also listens on port + 10000 (the cluster bus): both must be free. */
const portFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

const pickPorts = async (count: number): Promise<number[]> => {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = 20_000 + Math.floor(Math.random() * 30_000);
    if (ports.includes(port) || ports.includes(port - 10_000) || ports.includes(port + 10_000)) continue;
    if ((await portFree(port)) && (await portFree(port + 10_000))) ports.push(port);
  }
  return ports;
};

const launch = async (port: number, dir: string): Promise<ChildProcess> => {
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      `nodes-${port}.conf`,
      '--save',
      '',
      '--appendonly',
      'no'
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server on port ${port} exited (${code}): ${output.slice(-500)}`)));
    child.once('error', reject);
  });
  child.stdout?.removeAllListeners('data');
  child.stdout?.resume();
  child.removeAllListeners('exit');
  return child;
};

const cli = (port: number, ...args: string[]): string =>
  spawnSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8', timeout: 10_000 }).stdout ?? '';

export const startLocalCluster = async (masters = 3): Promise<LocalCluster> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plenary-redis-cluster-'));
  const ports = await pickPorts(masters);
  const children: ChildProcess[] = [];
  const close = async () => {
    await Promise.all(
      children
        .filter((c) => c.exitCode === null && c.signalCode === null)
        .map((c) => {
          const exited = once(c, 'exit');
          c.kill('SIGKILL');
          return exited;
        })
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const port of ports) children.push(await launch(port, dir));
    const created = spawnSync('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'], {
      encoding: 'utf8',
      timeout: 20_000
    });
    if (created.status !== 0) throw new Error(`redis-cli --cluster create failed: ${created.stdout}${created.stderr}`);
    const deadline = Date.now() + 15_000;
    while (!ports.every((p) => cli(p, 'cluster', 'info').includes('cluster_state:ok'))) {
      if (Date.now() > deadline) throw new Error('the local Redis Cluster did not reach cluster_state:ok within 15 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    return { ports, url: `redis+cluster://127.0.0.1:${ports[0]},127.0.0.1:${ports[1]}`, close };
  } catch (err) {
    await close();
    throw err;
  }
};
