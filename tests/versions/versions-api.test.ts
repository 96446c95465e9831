/**
 * The versions API against a real server process, with a board written by a real y-websocket
 * client: a facilitator saves, lists, opens, compares and restores versions (and undoes a restore);
 * delegates and observers may only look; wrong input is named in a 400; unknown versions are 404;
 * exports render a saved version and name it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCard, deleteCard, readBoard, setCardText, type BoardSnapshot } from '@plenary/shared/schema';
import type { BoardDiff, VersionInfo } from '@plenary/shared/versions';
import { connectClient, type TestClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { call } from '../utils/http.ts';

const base = { createdBy: 'Somchai', authorCity: 'Bangkok' } as const;

describe('versions API', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  let other: CreatedWorkshop;
  let client: TestClient;
  let boardId: string;
  let actionId: string;
  let ideaId: string;
  const versionsOf = () => `/api/boards/${boardId}/versions`;
  const facilitator = () => workshop.tokens.facilitator;

  /** The board as the server holds it, through a version diff's `now`. */
  const serverHolds = async (versionId: string, cards: number) =>
    waitFor(
      async () => {
        const res = await call<{ now: BoardSnapshot }>(server, 'GET', `${versionsOf()}/${versionId}/diff`, facilitator());
        return res.body.now.cards.length === cards ? res.body.now : null;
      },
      15_000,
      `the server to hold ${cards} cards`
    );

  beforeAll(async () => {
    server = await startServer();
    workshop = await server.createWorkshop({ title: 'Sister City Seminar 2026', themes: ['สิ่งแวดล้อม Environment'] });
    other = await server.createWorkshop({ title: 'Another workshop' });
    boardId = workshop.boards[0]!.id;
    client = connectClient(server.syncBase, boardId, facilitator());
    await client.synced();
    ideaId = addCard(client.doc, { ...base, kind: 'idea', lang: 'th', text: 'ลดขยะพลาสติกในตลาดสด' });
    actionId = addCard(client.doc, { ...base, kind: 'action', lane: 'agreed', lang: 'zh', title: '城市垃圾分类 =HYPERLINK("x")', leadCity: 'Bangkok' });
    await waitFor(
      async () => {
        const res = await server.fetch(`/api/boards/${boardId}/export.json?token=${facilitator()}`);
        return ((await res.json()) as { boards: { snapshot: { cards: unknown[] } }[] }).boards[0]!.snapshot.cards.length === 2;
      },
      15_000,
      'the server to hold both cards'
    );
  });
  afterAll(async () => {
    client?.destroy();
    await server?.close();
  });

  it('saves a named version (201) with its author, time and counts per lane, and lists it for every role', async () => {
    const saved = await call<{ version: VersionInfo }>(server, 'POST', versionsOf(), facilitator(), { label: '  ก่อนพักเที่ยง Before lunch  ' });
    expect(saved.status).toBe(201);
    expect(saved.body.version).toMatchObject({ label: 'ก่อนพักเที่ยง Before lunch', author: 'facilitator', auto: null, boardId });
    expect(saved.body.version.counts).toEqual({ ideas: 1, proposed: 0, agreed: 1, parked: 0 });
    expect(Date.parse(saved.body.version.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    for (const token of [workshop.tokens.delegate, workshop.tokens.observer]) {
      const listed = await call<{ versions: VersionInfo[] }>(server, 'GET', versionsOf(), token);
      expect(listed.status).toBe(200);
      expect(listed.body.versions[0]).toEqual(saved.body.version);
    }
  });

  it('opens a version read-only as the board snapshot it was', async () => {
    const { body } = await call<{ version: VersionInfo }>(server, 'POST', versionsOf(), facilitator(), { label: 'open me' });
    const opened = await call<{ version: VersionInfo; snapshot: BoardSnapshot }>(server, 'GET', `${versionsOf()}/${body.version.id}`, workshop.tokens.observer);
    expect(opened.status).toBe(200);
    expect(opened.body.version).toEqual(body.version);
    expect(opened.body.snapshot.cards).toEqual(readBoard(client.doc).cards);
  });

  it('compares a version with now, restores it live, and undoes the restore', async () => {
    const { body: saved } = await call<{ version: VersionInfo }>(server, 'POST', versionsOf(), facilitator(), { label: 'agreed plan v1' });
    const then = readBoard(client.doc);
    // Change the board: a new card, a deleted card, an edited title.
    addCard(client.doc, { ...base, kind: 'idea', lang: 'ja', text: '共同植樹' });
    deleteCard(client.doc, ideaId);
    setCardText(client.doc, actionId, 'title', '城市垃圾分类 2027');
    const changed = readBoard(client.doc);
    await serverHolds(saved.version.id, 2).then(() =>
      waitFor(
        async () => {
          const res = await call<{ diff: BoardDiff }>(server, 'GET', `${versionsOf()}/${saved.version.id}/diff`, workshop.tokens.delegate);
          return res.body.diff.summary.changed === 1 ? res.body.diff : null;
        },
        15_000,
        'the title change to reach the server'
      )
    );
    const compared = await call<{ diff: BoardDiff; then: BoardSnapshot; now: BoardSnapshot }>(
      server,
      'GET',
      `${versionsOf()}/${saved.version.id}/diff`,
      workshop.tokens.delegate
    );
    expect(compared.status).toBe(200);
    expect(compared.body.diff.summary).toEqual({ added: 1, removed: 1, moved: 0, changed: 1 });
    expect(compared.body.diff.cards.find((c) => c.id === ideaId)?.presence).toBe('removed');
    expect(compared.body.diff.cards.find((c) => c.id === actionId)?.fields).toEqual([
      { field: 'title', before: '城市垃圾分类 =HYPERLINK("x")', after: '城市垃圾分类 2027' }
    ]);
    expect(compared.body.then.cards).toEqual(then.cards);

    const restored = await call<{ undoVersionId: string; before: VersionInfo; changes: unknown }>(
      server,
      'POST',
      `${versionsOf()}/${saved.version.id}/restore`,
      facilitator()
    );
    expect(restored.status).toBe(200);
    expect(restored.body.before).toMatchObject({ auto: 'restore', restoredFrom: saved.version.id, id: restored.body.undoVersionId });
    expect(restored.body.changes).toEqual({ deleted: 1, created: 1, updated: 1, title: false });
    // The client sees the restore live.
    await waitFor(() => JSON.stringify(readBoard(client.doc).cards) === JSON.stringify(then.cards), 15_000, 'the client to see the restore');
    const beforeRestore = await call<{ snapshot: BoardSnapshot }>(server, 'GET', `${versionsOf()}/${restored.body.undoVersionId}`, facilitator());
    expect(beforeRestore.body.snapshot.cards).toEqual(changed.cards);

    // Undo: restore the "before restore" version.
    const undone = await call<{ undoVersionId: string }>(server, 'POST', `${versionsOf()}/${restored.body.undoVersionId}/restore`, facilitator());
    expect(undone.status).toBe(200);
    await waitFor(() => JSON.stringify(readBoard(client.doc).cards) === JSON.stringify(changed.cards), 15_000, 'the client to see the undo');
    // The history keeps everything: the version, both "before restore" versions.
    const listed = await call<{ versions: VersionInfo[] }>(server, 'GET', versionsOf(), workshop.tokens.observer);
    const ids = listed.body.versions.map((v) => v.id);
    expect(ids.slice(0, 2)).toEqual([undone.body.undoVersionId, restored.body.undoVersionId]);
    expect(ids).toContain(saved.version.id);
  });

  it('lets only facilitators save and restore (403), and names bad input (400)', async () => {
    const { body } = await call<{ version: VersionInfo }>(server, 'POST', versionsOf(), facilitator(), { label: 'kept' });
    for (const token of [workshop.tokens.delegate, workshop.tokens.observer]) {
      const save = await call(server, 'POST', versionsOf(), token, { label: 'mine' });
      expect(save.status).toBe(403);
      expect(save.body.error).toMatch(/only a facilitator may save versions/);
      const restore = await call(server, 'POST', `${versionsOf()}/${body.version.id}/restore`, token);
      expect(restore.status).toBe(403);
    }
    for (const [bad, field] of [
      [{}, 'label'],
      [{ label: '   ' }, 'label'],
      [{ label: 'x'.repeat(201) }, 'label'],
      [{ label: 5 }, 'label'],
      ['{not json', 'body']
    ] as const) {
      const res = await call(server, 'POST', versionsOf(), facilitator(), bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.field).toBe(field);
    }
  });

  it('answers 404 for a version the board does not have, 401 without a token and for another workshop', async () => {
    for (const path of [`${versionsOf()}/nope`, `${versionsOf()}/nope/diff`]) {
      const res = await call(server, 'GET', path, workshop.tokens.observer);
      expect(res.status).toBe(404);
      expect(res.body.field).toBe('versionId');
    }
    expect((await call(server, 'POST', `${versionsOf()}/nope/restore`, facilitator())).status).toBe(404);
    expect((await call(server, 'GET', versionsOf(), null)).status).toBe(401);
    expect((await call(server, 'GET', versionsOf(), other.tokens.facilitator)).status).toBe(401);
    expect((await call(server, 'POST', versionsOf(), other.tokens.facilitator, { label: 'x' })).status).toBe(401);
    expect((await call(server, 'GET', '/api/boards/no-such-board/versions', facilitator())).status).toBe(401);
  });

  it('exports a saved version, naming it, instead of the board now', async () => {
    const { body } = await call<{ version: VersionInfo }>(server, 'POST', versionsOf(), facilitator(), { label: 'แผนที่ตกลง Final plan' });
    const versionCards = (await call<{ snapshot: BoardSnapshot }>(server, 'GET', `${versionsOf()}/${body.version.id}`, facilitator())).body.snapshot.cards;
    addCard(client.doc, { ...base, kind: 'idea', lang: 'ko', text: '나중에 추가됨' });
    await serverHolds(body.version.id, versionCards.length + 1);
    const res = await server.fetch(`/api/boards/${boardId}/export.json?version=${body.version.id}&token=${workshop.tokens.observer}`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { takenAt: string; versionLabel?: string; boards: { snapshot: BoardSnapshot }[] };
    expect(doc.boards[0]!.snapshot.cards).toEqual(versionCards);
    expect(doc.takenAt).toBe(body.version.createdAt);
    expect(JSON.stringify(doc)).toContain('แผนที่ตกลง Final plan');
    const md = await (await server.fetch(`/api/boards/${boardId}/export.md?version=${body.version.id}&token=${workshop.tokens.observer}`)).text();
    expect(md).toContain('แผนที่ตกลง Final plan');
    expect(md).not.toContain('나중에 추가됨');
    expect((await server.fetch(`/api/boards/${boardId}/export.csv?version=nope&token=${workshop.tokens.observer}`)).status).toBe(404);
    expect((await server.fetch(`/api/workshops/${workshop.id}/export.csv?version=${body.version.id}&token=${workshop.tokens.observer}`)).status).toBe(400);
  });
});
