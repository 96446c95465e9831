/**
 * Hourly versions, with the server's own parts in this process (SQLite store, rooms, the server's
 * writes to boards) and a short interval: the first edit after the last version starts the board's
 * timer, later edits do not start another, any version saved meanwhile cancels it, and a control
 * document never gets versions. `noteEdit` is what the room calls on a local edit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCard } from '@plenary/shared/schema';
import { controlDocName } from '@plenary/shared/protocol';
import { parseConfig } from '@plenary/server/config.ts';
import { createServerDocs } from '@plenary/server/documents/server-docs.ts';
import { LocalBus } from '@plenary/server/fanout/local-bus.ts';
import { createLogger } from '@plenary/server/log.ts';
import { createMetrics } from '@plenary/server/metrics.ts';
import { SqliteStore } from '@plenary/server/persistence/sqlite-store.ts';
import { openPolicy } from '@plenary/server/sync/policy.ts';
import { RoomManager } from '@plenary/server/sync/room-manager.ts';
import { createBoardVersions, createHourlyVersions, type BoardVersions, type HourlyVersions } from '@plenary/server/versions/index.ts';
import { createWorkshopRepository } from '@plenary/server/workshops/repository.ts';
import { waitFor } from '../utils/wait.ts';

const INTERVAL_MS = 150;

describe('hourly versions while a board is edited', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'plenary-hourly-'));
  let store: SqliteStore;
  let rooms: RoomManager;
  let versions: BoardVersions;
  let hourly: HourlyVersions;
  let boardIds: string[];
  let workshopId: string;
  let control: ReturnType<typeof createServerDocs>;

  beforeAll(async () => {
    const log = createLogger('silent').log;
    store = new SqliteStore({ dataDir });
    rooms = new RoomManager(
      { store, bus: new LocalBus(), config: parseConfig({ DATA_DIR: dataDir }), log, metrics: createMetrics() },
      openPolicy({ scope: 'w', role: 'facilitator', generation: 0, readOnly: false })
    );
    const workshops = createWorkshopRepository(store);
    const workshop = await workshops.create({ title: 'Hourly', themes: ['Environment', 'Trade', 'Culture'] });
    workshopId = workshop.id;
    boardIds = workshop.boards.map((b) => b.id);
    control = createServerDocs(rooms, workshops);
    versions = createBoardVersions(store, control);
    hourly = createHourlyVersions(versions, log, INTERVAL_MS);
  });
  afterAll(async () => {
    hourly?.close();
    await rooms?.drainAll(5_000);
    await rooms?.destroyAll();
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const edit = async (boardId: string, text: string) => {
    await control.withBoard(boardId, (doc) => addCard(doc, { kind: 'idea', createdBy: 'Somchai', authorCity: 'Bangkok', lang: 'th', text }));
    hourly.noteEdit(boardId);
  };

  it('saves one automatic version after the interval, however many edits came in between', async () => {
    const boardId = boardIds[0]!;
    await edit(boardId, 'หนึ่ง');
    await edit(boardId, 'สอง');
    await edit(boardId, '三');
    expect(hourly.pending).toBe(1);
    const [version] = await waitFor(
      async () => {
        const list = await versions.list(boardId);
        return list.length > 0 ? list : null;
      },
      10_000,
      'the hourly version'
    );
    expect(version).toMatchObject({ auto: 'hourly', author: 'system', counts: { ideas: 3 } });
    expect(hourly.pending).toBe(0);
    // No edit since: no new timer, no new version.
    await edit(boardId, 'four');
    await waitFor(async () => (await versions.list(boardId)).length === 2, 10_000, 'the next hourly version after the next edit');
  });

  it('starts no hourly version when another version was saved after the edit', async () => {
    const boardId = boardIds[1]!;
    await edit(boardId, 'idea');
    expect(hourly.pending).toBe(1);
    await versions.save(boardId, { label: 'Before the vote', author: 'Facilitator' });
    expect(hourly.pending).toBe(0);
    // The next edit starts a timer again, which ends in one hourly version after the named one.
    await edit(boardId, 'another idea');
    await waitFor(async () => (await versions.list(boardId)).length === 2, 10_000, 'an hourly version after the named one');
    expect((await versions.list(boardId)).map((v) => v.auto)).toEqual(['hourly', null]);
  });

  it('ignores control documents', () => {
    hourly.noteEdit(controlDocName(workshopId));
    expect(hourly.pending).toBe(0);
  });
});
