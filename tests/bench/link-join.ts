/**
 * A warm join of the 100,000-edit board (1.2 MB) through a slow link, as a device on the venue's
 * Wi-Fi meets it: the server's answer paced at LINK_MBPS (default 20) after LINK_MS of latency
 * (default 20) by a TCP proxy in its own process (in the client's process, the client's applies
 * would hold the pacing back). Measured apart, not part of `pnpm bench`: run it on two builds to
 * compare them (`node --import tsx tests/bench/link-join.ts`, from the repository's root).
 *
 * On loopback a join is the server's share, then the client's apply; through a link the transfer
 * takes longer than either, and a board sent in slices (server/src/persistence/causal-slices.ts)
 * is applied while the rest of it is still on the way.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { createStore } from '@plenary/server/persistence/index.ts';
import { generateScatteredHistory } from './board-history.ts';
import { join } from './joining-client.ts';
import { createWorkshop } from './plenary-api.ts';
import { freePort, startPlenary } from './processes.ts';

const JOINS = 7;
const PACE_MS = 5;

/** The proxy: upstream as it comes, downstream at `bytesPerMs`, each after `latencyMs`. */
const runProxy = (port: number, target: number, bytesPerMs: number, latencyMs: number): void => {
  net
    .createServer((client) => {
      const up = net.connect(target, '127.0.0.1');
      client.on('data', (d) => setTimeout(() => up.write(d), latencyMs));
      const queue: Buffer[] = [];
      let pumping = false;
      const pump = () => {
        if (queue.length === 0) {
          pumping = false;
          return;
        }
        pumping = true;
        let budget = Math.ceil(bytesPerMs * PACE_MS);
        const out: Buffer[] = [];
        while (budget > 0 && queue.length > 0) {
          const head = queue[0]!;
          const take = head.subarray(0, budget);
          out.push(take);
          budget -= take.length;
          if (take.length === head.length) queue.shift();
          else queue[0] = head.subarray(take.length);
        }
        const chunk = Buffer.concat(out);
        setTimeout(() => client.write(chunk), latencyMs);
        setTimeout(pump, PACE_MS);
      };
      up.on('data', (d) => {
        queue.push(d);
        if (!pumping) pump();
      });
      const end = () => {
        client.destroy();
        up.destroy();
      };
      for (const socket of [client, up]) {
        socket.on('close', end);
        socket.on('error', end);
      }
    })
    .listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
};

const startProxy = async (target: number, bytesPerMs: number, latencyMs: number): Promise<number> => {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), 'proxy', String(port), String(target), String(bytesPerMs), String(latencyMs)],
    {
      stdio: ['ignore', 'pipe', 'inherit']
    }
  );
  process.on('exit', () => child.kill());
  await new Promise((resolve) => child.stdout!.once('data', resolve));
  return port;
};

const measure = async (): Promise<void> => {
  const mbps = Number(process.env.LINK_MBPS ?? 20);
  const latencyMs = Number(process.env.LINK_MS ?? 20);
  const state = Y.encodeStateAsUpdate(generateScatteredHistory(100_000).doc);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'plenary-link-'));
  const options = { store: 'sqlite' as const, dataDir, redisUrl: '', keyPrefix: 'link', secret: randomBytes(24).toString('hex') };
  try {
    const setup = await startPlenary(options);
    const workshop = await createWorkshop(setup.httpBase, 'Bench: a join through a slow link', ['Link']);
    await setup.stop();
    const boardId = workshop.boards[0]!.id;
    const noLog = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
    const store = await createStore({ DATA_DIR: dataDir, REDIS_URL: undefined, KEY_PREFIX: 'link' }, noLog);
    await store.appendUpdates(boardId, [state]);
    await store.compact(boardId);
    const parts = (await store.loadDoc(boardId)) as { snapshotParts?: number } | null;
    await store.close();
    const server = await startPlenary(options);
    try {
      const via = await startProxy(server.port, (mbps * 1e6) / 8 / 1000, latencyMs);
      // The first join loads the board; those after it are warm, through the link.
      (await join(server.port, boardId, workshop.tokens.delegate)).leave();
      const runs: number[] = [];
      for (let i = 0; i < JOINS; i++) {
        const joined = await join(via, boardId, workshop.tokens.delegate);
        joined.leave();
        runs.push(Math.round(joined.ms));
      }
      const median = [...runs].sort((a, b) => a - b)[Math.floor(JOINS / 2)];
      console.log(
        `board of ${state.length} B stored in ${parts?.snapshotParts ?? 1} part(s); ${mbps} Mbps, ${latencyMs} ms: warm joins ${runs.join(', ')} ms, median ${median} ms`
      );
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
};

if (process.argv[2] === 'proxy') {
  const [port, target, bytesPerMs, latencyMs] = process.argv.slice(3).map(Number);
  runProxy(port!, target!, bytesPerMs!, latencyMs!);
} else {
  await measure();
  process.exit(0);
}
