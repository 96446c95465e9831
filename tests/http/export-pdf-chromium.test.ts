/**
 * The server keeps one Chromium warm for PDF exports: launched on the first PDF, the same process
 * prints the next one, a Chromium that has died is replaced on the next PDF, and stopping the
 * server closes it. Chromium is found among the server's processes by the data directory in its
 * environment (each test server has its own).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCard } from '@plenary/shared/schema';
import { connectClient, type TestClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Pids of the browser processes (not their renderers or helpers) started with `DATA_DIR=dataDir`. */
const browsersOf = (dataDir: string): number[] =>
  readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        // The browser itself: Chromium's binary, driven over a pipe; not its renderers, zygote or crash handler.
        if (!/\/chromium$/.test(cmd[0] ?? '') || !cmd.includes('--remote-debugging-pipe') || cmd.some((arg) => arg.startsWith('--type='))) return false;
        return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`DATA_DIR=${dataDir}`);
      } catch {
        return false; // gone meanwhile, or not ours to read
      }
    })
    .map(Number);

describe('PDF exports share one warm Chromium', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  let client: TestClient;

  const pdf = async () => {
    const res = await server.fetch(`/api/workshops/${workshop.id}/export.pdf`, { headers: { authorization: `Bearer ${workshop.tokens.observer}` } });
    expect(res.status).toBe(200);
    expect(new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
  };

  beforeAll(async () => {
    server = await startServer({ env: { CHROMIUM_PATH: CHROMIUM } });
    workshop = await server.createWorkshop({ title: 'Warm printer', themes: ['Environment'] });
    client = connectClient(server.syncBase, workshop.boards[0]!.id, workshop.tokens.facilitator);
    await client.synced();
    addCard(client.doc, {
      kind: 'action',
      lane: 'agreed',
      lang: 'en',
      createdBy: 'Ana',
      authorCity: 'Hanoi',
      title: 'Shared composting',
      endDate: '2026-12-31'
    });
  });
  afterAll(async () => {
    client?.destroy();
    await server?.close();
  });

  it('launches no Chromium before the first PDF, then one that prints every later PDF', async () => {
    expect(browsersOf(server.dataDir)).toEqual([]);
    await pdf();
    const first = browsersOf(server.dataDir);
    expect(first).toHaveLength(1);
    await pdf();
    await pdf();
    expect(browsersOf(server.dataDir)).toEqual(first);
  });

  it('replaces a Chromium that has died on the next PDF', async () => {
    const [dead] = browsersOf(server.dataDir);
    process.kill(dead!, 'SIGKILL');
    await waitFor(() => !browsersOf(server.dataDir).includes(dead!), 10_000, 'the killed Chromium to be gone');
    await pdf();
    const now = browsersOf(server.dataDir);
    expect(now).toHaveLength(1);
    expect(now).not.toContain(dead);
  });

  it('closes Chromium when the server stops', async () => {
    expect(browsersOf(server.dataDir)).toHaveLength(1);
    const exit = await server.kill('SIGTERM');
    expect(exit.code).toBe(0);
    await waitFor(() => browsersOf(server.dataDir).length === 0, 10_000, 'Chromium to be closed with the server');
  });
});
