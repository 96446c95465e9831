/**
 * The operator CLI as an operator runs it: a child process (`node --import tsx
 * server/src/cli/index.ts …`) with the server's settings (DATA_DIR, or REDIS_URL + KEY_PREFIX),
 * against data a real server process wrote.
 */
import { spawn } from 'node:child_process';
import * as Y from 'yjs';
import { readBoard } from '@plenary/shared/schema';
import type { Store } from '@plenary/server/persistence/store.ts';
import { connectClient, newDeviceKey } from '../utils/clients.ts';
import { call } from '../utils/http.ts';
import { entryArgs } from '../utils/server-entry.ts';
import { REPO_ROOT, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { createCityWorkshop, createSeat, placeCards, register } from '../facilitation/support.ts';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Settings of `server` the CLI needs (its store), without the ones only a server uses. */
export const storeEnv = (server: PlenaryServer): Record<string, string> => {
  const env: Record<string, string> = { ...server.env };
  delete env.PORT;
  return env;
};

export const runCli = (env: Record<string, string>, args: string[]): Promise<CliRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...entryArgs('cli'), ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });

/** Runs the CLI with --json and parses its answer. */
export const runJson = async <T>(env: Record<string, string>, args: string[]): Promise<{ code: number | null; body: T; stderr: string }> => {
  const run = await runCli(env, [...args, '--json']);
  try {
    return { code: run.code, body: JSON.parse(run.stdout) as T, stderr: run.stderr };
  } catch {
    throw new Error(`plenary ${args.join(' ')} printed no JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
};

/** The stored board as JSON (to see whether the server has written a card out). */
export const storedBoardJson = async (store: Store, boardId: string): Promise<string> => {
  const stored = await store.loadDoc(boardId);
  const doc = new Y.Doc();
  try {
    for (const u of stored?.updates ?? []) Y.applyUpdate(doc, u);
    return JSON.stringify(readBoard(doc));
  } finally {
    doc.destroy();
  }
};

export interface PopulatedWorkshop {
  workshop: CreatedWorkshop;
  board: string;
  card: string;
  participantIds: string[];
  roundId: string;
  versionId: string;
}

/**
 * A workshop with everything a workshop can own: a card on a board, a saved version, a seat and a
 * confirmed lobby registration, a voting round with a vote, and its control document.
 */
export const populateWorkshop = async (server: PlenaryServer, store: Store, cardText: string): Promise<PopulatedWorkshop> => {
  const workshop = await createCityWorkshop(server);
  const board = workshop.boards[0]!.id;
  // From a device, as a browser writes: the board then also stores which device writes under its id.
  const client = connectClient(server.syncBase, board, workshop.tokens.facilitator, { device: newDeviceKey() });
  try {
    await client.synced();
    const [card] = await placeCards(client, 'proposed', [cardText]);
    await waitFor(async () => (await storedBoardJson(store, board)).includes(cardText), 15_000, 'the card to be stored');
    const seat = await createSeat(server, workshop, 'Porto', 'Ana');
    const delegate = await register(server, workshop, 'Budi', 'Surabaya');
    const base = `/api/workshops/${workshop.id}`;
    const round = await call<{ round: { id: string } }>(server, 'POST', `${base}/rounds`, workshop.tokens.facilitator, {
      boardId: board,
      lane: 'proposed',
      votesPerDelegate: 3
    });
    if (round.status !== 201 && round.status !== 200) throw new Error(`opening a round answered ${round.status}`);
    const voted = await call(server, 'POST', `${base}/rounds/${round.body.round.id}/votes`, delegate.token, { cardId: card });
    if (voted.status !== 200) throw new Error(`voting answered ${voted.status}: ${JSON.stringify(voted.body)}`);
    const version = await call<{ version: { id: string } }>(server, 'POST', `/api/boards/${board}/versions`, workshop.tokens.facilitator, {
      label: 'Before lunch'
    });
    if (version.status !== 201) throw new Error(`saving a version answered ${version.status}`);
    return {
      workshop,
      board,
      card: card!,
      participantIds: [seat.participantId, delegate.participantId],
      roundId: round.body.round.id,
      versionId: version.body.version.id
    };
  } finally {
    client.destroy();
  }
};
