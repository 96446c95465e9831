/**
 * `pnpm plenary delete` and `retention` on both stores, as child processes against data a real
 * server wrote: a workshop goes with everything it owns (boards, control document, versions,
 * participants and seats, votes, join code, board records, which device writes under which id on
 * its boards, the record itself) and no other workshop loses anything; without --yes nothing goes.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '@plenary/server/persistence/store.ts';
import { writerRecords } from '@plenary/server/sync/room-writer-ids.ts';
import { call } from '../utils/http.ts';
import { startServer, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { createCityWorkshop } from '../facilitation/support.ts';
import { openStore, STORE_KINDS } from '../sync/support/stores.ts';
import { populateWorkshop, runCli, runJson, storeEnv, type PopulatedWorkshop } from './support.ts';

interface Summary {
  id: string;
  boards: number;
  bytes: number;
  participants: number;
  lastActivityAt: string;
}
const DAY_MS = 86_400_000;
/** Each CLI run is a Node process starting tsx: on a busy machine a test runs several minutes. */
const SLOW = 600_000;

for (const kind of STORE_KINDS) {
  kind.describe(`operator CLI on ${kind.name}: delete and retention`, () => {
    let server: PlenaryServer;
    let store: Store;
    let env: Record<string, string>;
    beforeAll(async () => {
      server = await startServer({ env: kind.env('operator-delete') });
      store = await openStore(server);
      env = storeEnv(server);
    });
    afterAll(async () => {
      await store?.close();
      await server?.close();
      await kind.cleanup();
    });

    /** Every meta record, sorted, to compare what stayed. */
    const allMeta = async () => (await store.listMeta('')).sort((x, y) => x.key.localeCompare(y.key));
    const mentions = (a: PopulatedWorkshop, text: string) =>
      [a.workshop.id, a.workshop.joinCode, a.roundId, ...a.workshop.boards.map((b) => b.id), ...a.participantIds].some((id) => text.includes(id));

    it(
      'deletes a workshop with everything it owns, only with --yes, and nothing of another workshop',
      async () => {
        const a = await populateWorkshop(server, store, 'Ferry link');
        const b = await populateWorkshop(server, store, 'Night market');
        const listed = await runJson<Summary[]>(env, ['list']);
        expect(listed.code).toBe(0);
        for (const w of [a, b]) {
          expect(listed.body.find((s) => s.id === w.workshop.id)).toMatchObject({ boards: 2, participants: 2 });
          expect(listed.body.find((s) => s.id === w.workshop.id)!.bytes).toBeGreaterThan(0);
        }

        // The server writes everything out on SIGTERM; a deletion then races no open board.
        expect((await server.kill('SIGTERM')).code).toBe(0);
        const before = await allMeta();
        const docsOfA = [...a.workshop.boards.map((x) => x.id), `ctl_${a.workshop.id}`];
        const docsOfB = [...b.workshop.boards.map((x) => x.id), `ctl_${b.workshop.id}`];
        const infoOfB = await Promise.all(docsOfB.map((d) => store.docInfo(d)));
        expect(await store.docInfo(`ctl_${a.workshop.id}`)).not.toBeNull();
        expect(before.some((r) => r.key === `votes:${a.roundId}`)).toBe(true);
        const writersOfB = await store.listRecords(writerRecords(b.board));
        expect(await store.listRecords(writerRecords(a.board))).toHaveLength(1);
        expect(writersOfB).toHaveLength(1);

        const dry = await runJson<{ deleted: boolean; plan: { metaKeys: string[]; docs: string[] } }>(env, ['delete', a.workshop.id]);
        expect(dry.code).toBe(1);
        expect(dry.body.deleted).toBe(false);
        expect(dry.body.plan.docs.sort()).toEqual(docsOfA.sort());
        expect(dry.body.plan.metaKeys).toEqual(
          expect.arrayContaining([
            `workshop:${a.workshop.id}`,
            `votes:${a.roundId}`,
            `joincode:${a.workshop.joinCode}`,
            ...a.participantIds.map((p) => `participant:${p}`)
          ])
        );
        expect(await allMeta()).toEqual(before);

        const done = await runJson<{ deleted: boolean; versions: number }>(env, ['delete', a.workshop.id, '--yes']);
        expect(done.code).toBe(0);
        expect(done.body.deleted).toBe(true);
        expect(done.body.versions).toBeGreaterThanOrEqual(1);

        // Nothing of A anywhere: no document, no version, no record naming it or its boards, people, round or code.
        for (const d of docsOfA) expect(await store.docInfo(d)).toBeNull();
        expect(await store.listVersions(a.board)).toEqual([]);
        expect(await store.listRecords(writerRecords(a.board))).toEqual([]);
        expect(await store.listRecords(writerRecords(b.board))).toEqual(writersOfB);
        const after = await allMeta();
        expect(after.filter((r) => mentions(a, r.key) || mentions(a, r.value))).toEqual([]);
        // B and everything else exactly as before.
        expect(after).toEqual(before.filter((r) => !mentions(a, r.key) && !mentions(a, r.value)));
        expect(await Promise.all(docsOfB.map((d) => store.docInfo(d)))).toEqual(infoOfB);

        await server.restart();
        expect((await call(server, 'GET', `/api/workshops/${a.workshop.id}`, a.workshop.tokens.facilitator)).status).toBe(401);
        expect((await call(server, 'GET', `/api/workshops/${b.workshop.id}`, b.workshop.tokens.facilitator)).status).toBe(200);
        expect((await call(server, 'GET', `/api/boards/${b.board}/versions`, b.workshop.tokens.facilitator)).status).toBe(200);

        const unknown = await runCli(env, ['delete', a.workshop.id, '--yes']);
        expect(unknown.code).toBe(1);
        expect(unknown.stderr).toContain(`no workshop ${a.workshop.id}`);
      },
      SLOW
    );

    it(
      'retention deletes exactly the workshops idle for N days, only with --yes',
      async () => {
        const older = await createCityWorkshop(server);
        const olderAt = Date.parse((await runJson<Summary[]>(env, ['list'])).body.find((s) => s.id === older.id)!.lastActivityAt);
        await waitFor(() => Date.now() > olderAt + 5, 1_000, 'the clock to move on');
        const newer = await createCityWorkshop(server);
        const summaries = (await runJson<Summary[]>(env, ['list'])).body;
        const newerAt = Date.parse(summaries.find((s) => s.id === newer.id)!.lastActivityAt);
        expect(newerAt).toBeGreaterThan(olderAt);

        // Judged 30 days after the older one's last write: it (and anything before it) is idle, the newer one not yet.
        const asOf = new Date(olderAt + 30 * DAY_MS).toISOString();
        const expected = summaries
          .filter((s) => Date.parse(s.lastActivityAt) <= olderAt)
          .map((s) => s.id)
          .sort();
        expect(expected).toContain(older.id);
        expect(expected).not.toContain(newer.id);

        const preview = await runJson<{ deleted: boolean; workshops: Summary[] }>(env, ['retention', '--idle-days', '30', '--as-of', asOf]);
        expect(preview.code).toBe(1);
        expect(preview.body.workshops.map((w) => w.id).sort()).toEqual(expected);
        expect(await store.getMeta(`workshop:${older.id}`)).not.toBeNull();

        expect((await server.kill('SIGTERM')).code).toBe(0);
        const applied = await runJson<{ deleted: boolean; workshops: Summary[] }>(env, ['retention', '--idle-days', '30', '--as-of', asOf, '--yes']);
        expect(applied.code).toBe(0);
        expect(applied.body.workshops.map((w) => w.id).sort()).toEqual(expected);
        const left = (await runJson<Summary[]>(env, ['list'])).body.map((s) => s.id);
        expect(left).toContain(newer.id);
        for (const id of expected) expect(left).not.toContain(id);
        expect(await store.getMeta(`board:${older.boards[0]!.id}`)).toBeNull();

        await server.restart();
        expect((await call(server, 'GET', `/api/workshops/${newer.id}`, newer.tokens.facilitator)).status).toBe(200);
        expect((await call(server, 'GET', `/api/workshops/${older.id}`, older.tokens.facilitator)).status).toBe(401);
      },
      SLOW
    );
  });
}
