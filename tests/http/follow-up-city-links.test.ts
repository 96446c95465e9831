/**
 * City follow-up links against real server processes sharing one Redis (docs/FOLLOW-UP.md), raw
 * HTTP and raw WebSocket upgrades, no app code on the client side:
 *   - a city's link records progress on what its city leads, and is refused (403) on another
 *     city's commitment, whichever instance it reaches; an update made on one instance is read on
 *     the other;
 *   - a city's link and the outcomes link open no board and no control document at the sync
 *     upgrade (401, like a forged token), and no meeting route: they cannot edit the plan;
 *   - PROGRESS_PER_MINUTE per address (429 with Retry-After past it).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Commitment, OutcomesView } from '@plenary/shared/follow-up';
import { controlDocName } from '@plenary/shared/protocol';
import { connectClient, syncUrl, tryUpgrade } from '../utils/clients.ts';
import { DEMO_CONSENT, PLAN_CITIES, addDemoPlan, type DemoPlan } from '../utils/follow-up-plan.ts';
import { REDIS_URL, deleteKeysUnder, describeRedis, uniqueKeyPrefix } from '../utils/redis.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';

describeRedis('city follow-up links on two instances sharing Redis', () => {
  const prefix = uniqueKeyPrefix('follow-up');
  let one: PlenaryServer;
  let two: PlenaryServer;
  let workshop: CreatedWorkshop;
  let board: string;
  let plan: DemoPlan;
  let commitments: Commitment[];
  const links: Record<'bangkok' | 'hcmc' | 'outcomes', string> = { bangkok: '', hcmc: '', outcomes: '' };

  const post = async (server: PlenaryServer, path: string, token: string, body: unknown) => {
    const res = await server.fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body)
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Record<string, unknown> };
  };
  const base = () => `/api/workshops/${workshop.id}/follow-up`;
  const commitmentOf = (actionId: string) => commitments.find((c) => c.actionId === actionId)!;

  beforeAll(async () => {
    const env = { REDIS_URL, KEY_PREFIX: prefix, PROGRESS_PER_MINUTE: '6' };
    [one, two] = await Promise.all([startServer({ env }), startServer({ env })]);
    workshop = await one.createWorkshop({ title: 'Sister City Seminar 2018', themes: ['Education and youth development'], ...PLAN_CITIES });
    board = workshop.boards[0]!.id;
    const author = connectClient(one.syncBase, board, workshop.tokens.facilitator);
    await author.synced();
    plan = addDemoPlan(author.doc);
    const reader = connectClient(two.syncBase, board, workshop.tokens.observer);
    await reader.synced();
    await waitFor(() => Object.values(plan).every((id) => reader.doc.getMap('cards').has(id)), 10_000, 'the plan on both instances');
    reader.destroy();
    author.destroy();
    for (const { actionId, city } of DEMO_CONSENT(plan)) {
      const res = await one.fetch(`/api/workshops/${workshop.id}/consent`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${workshop.tokens.facilitator}` },
        body: JSON.stringify({ boardId: board, actionId, answer: 'endorse', city })
      });
      expect(res.status).toBe(200);
    }
    const closed = await post(two, `${base()}/close`, workshop.tokens.facilitator, {});
    expect(closed.status).toBe(200);
    commitments = closed.body.commitments as Commitment[];
    for (const [key, body] of [
      ['bangkok', { role: 'city', city: 'Bangkok' }],
      ['hcmc', { role: 'city', city: 'Ho Chi Minh City' }],
      ['outcomes', { role: 'outcomes' }]
    ] as const) {
      links[key] = (await post(one, `${base()}/links`, workshop.tokens.facilitator, body)).body.token as string;
    }
  });

  afterAll(async () => {
    await one?.close();
    await two?.close();
    await deleteKeysUnder(prefix);
  });

  it("refuses a city's progress on another city's commitment on either instance; the lead city's is read on both", async () => {
    const schools = commitmentOf(plan.schools);
    const progress = { kind: 'progress', commitmentId: schools.id, item: 'commitment', status: 'done', percent: 100, note: 'เสร็จแล้ว', lang: 'th' };
    for (const server of [one, two]) {
      const refused = await post(server, `${base()}/updates`, links.hcmc, { ...progress, note: 'Xong', lang: 'vi' });
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatch(/only Bangkok records its progress/);
    }
    expect((await post(one, `${base()}/updates`, links.bangkok, progress)).status).toBe(201);
    const seen = (await (await two.fetch(base(), { headers: { authorization: `Bearer ${links.outcomes}` } })).json()) as OutcomesView;
    expect(seen.updates.map((u) => [u.city, u.status])).toEqual([['Bangkok', 'done']]);
    // The outcomes link records nothing.
    expect((await post(two, `${base()}/updates`, links.outcomes, progress)).status).toBe(403);
  });

  it('opens no board, no control document and no meeting route with a follow-up link', async () => {
    for (const token of [links.bangkok, links.outcomes]) {
      for (const server of [one, two]) {
        for (const doc of [board, controlDocName(workshop.id)]) {
          const upgrade = await tryUpgrade(syncUrl(server.syncBase, doc, token));
          expect(upgrade.opened).toBe(false);
          expect(upgrade.status).toBe(401);
          expect(upgrade.messages).toBe(0);
        }
      }
      expect((await one.fetch(`/api/workshops/${workshop.id}`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
      const lock = await one.fetch(`/api/workshops/${workshop.id}/locks/${board}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ locked: true })
      });
      expect(lock.status).toBe(401);
    }
  });

  it('stops progress updates from one address at PROGRESS_PER_MINUTE with 429 and Retry-After', async () => {
    const note = { kind: 'note', commitmentId: commitmentOf(plan.river).id, item: 'commitment', note: 'ok', lang: 'th' };
    const answers: { status: number; retryAfter: string | null }[] = [];
    for (let i = 0; i < 8; i++) answers.push(await post(two, `${base()}/updates`, links.bangkok, note));
    const refused = answers.findIndex((a) => a.status === 429);
    // Six per minute, counted in Redis across both instances: the earlier tests spent some already.
    expect(refused).toBeGreaterThan(0);
    expect(answers.slice(0, refused).every((a) => a.status === 201)).toBe(true);
    expect(Number(answers[refused]!.retryAfter)).toBeGreaterThan(0);
  });
});
