import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessApp, fromLoopback } from './support/app.ts';
import { getCardMap, getCardsMap } from '@plenary/shared/schema';
import type { Commitment, OutcomesView, ProgressUpdate } from '@plenary/shared/follow-up';
import { applyDeletion, planDeletion } from '@plenary/server/operations/delete-workshop.ts';
import { writerRecords } from '@plenary/server/sync/room-writer-ids.ts';
import { DEMO_CONSENT, PLAN_CITIES, addDemoPlan, type DemoPlan } from '../utils/follow-up-plan.ts';

interface Created {
  id: string;
  boards: { id: string }[];
  tokens: { facilitator: string; delegate: string; observer: string };
}

describe('follow-up rules (in-process)', () => {
  const { services, app, store, close } = createInProcessApp('plenary-follow-up-');
  const request = (url: string, init: { method?: string; token?: string; body?: unknown } = {}) =>
    app.request(
      url,
      {
        method: init.method ?? 'GET',
        headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {})
      },
      fromLoopback
    );
  let workshop: Created;
  let board: string;
  let plan: DemoPlan;
  let commitments: Commitment[];
  const links = { bangkok: '', hcmc: '', outcomes: '' };
  const base = () => `/api/workshops/${workshop.id}/follow-up`;
  const link = async (body: object) => {
    const res = await request(`${base()}/links`, { method: 'POST', token: workshop.tokens.facilitator, body });
    expect(res.status).toBe(200);
    return ((await res.json()) as { token: string }).token;
  };
  const update = (token: string, body: object) => request(`${base()}/updates`, { method: 'POST', token, body });
  const schoolsOf = () => commitments.find((c) => c.actionId === plan.schools)!;

  beforeAll(async () => {
    const res = await request('/api/workshops', {
      method: 'POST',
      body: { title: 'Sister City Seminar 2018', themes: ['Education and youth development'], ...PLAN_CITIES }
    });
    workshop = (await res.json()) as Created;
    board = workshop.boards[0]!.id;
    plan = await services.control.withBoard(board, (doc) => addDemoPlan(doc));
    for (const { actionId, city } of DEMO_CONSENT(plan)) {
      const answered = await request(`/api/workshops/${workshop.id}/consent`, {
        method: 'PUT',
        token: workshop.tokens.facilitator,
        body: { boardId: board, actionId, answer: 'endorse', city }
      });
      expect(answered.status).toBe(200);
    }
  });

  afterAll(async () => {
    await close();
  });

  it('closing freezes exactly the agreed actions; a delegate may not close; an unagreed action cannot be marked final', async () => {
    expect((await request(`${base()}/close`, { method: 'POST', token: workshop.tokens.delegate })).status).toBe(403);
    const notAgreed = await request(`${base()}/commitments`, {
      method: 'POST',
      token: workshop.tokens.facilitator,
      body: { boardId: board, actionId: plan.fair }
    });
    expect(notAgreed.status).toBe(409);
    expect(((await notAgreed.json()) as { error: string }).error).toContain('awaiting Porto');
    const final = await request(`${base()}/commitments`, {
      method: 'POST',
      token: workshop.tokens.facilitator,
      body: { boardId: board, actionId: plan.river }
    });
    expect(final.status).toBe(201);
    expect(((await final.json()) as { commitment: Commitment }).commitment.frozenBy).toBe('final');

    const closed = await request(`${base()}/close`, { method: 'POST', token: workshop.tokens.facilitator });
    expect(closed.status).toBe(200);
    commitments = ((await closed.json()) as { commitments: Commitment[] }).commitments;
    expect(commitments.map((c) => c.actionId).sort()).toEqual([plan.schools, plan.river].sort());
    // Marked final first, it keeps that copy.
    expect(commitments.find((c) => c.actionId === plan.river)!.frozenBy).toBe('final');
    expect(schoolsOf()).toMatchObject({ leadCity: 'Bangkok', partnerCities: ['Ho Chi Minh City'], endorsed: ['Bangkok', 'Ho Chi Minh City'] });
    expect(schoolsOf().milestones.map((m) => m.date)).toEqual(['2018-09-01', '2019-03-01']);
  });

  it('keeps the agreed text when the board is edited after the close', async () => {
    await services.control.withBoard(board, (doc) => {
      const title = getCardMap(doc, plan.schools)!.get('title') as { delete(i: number, n: number): void; insert(i: number, t: string): void; length: number };
      title.delete(0, title.length);
      title.insert(0, 'Something else entirely');
    });
    const closedAgain = (await (await request(`${base()}/close`, { method: 'POST', token: workshop.tokens.facilitator })).json()) as {
      commitments: Commitment[];
    };
    expect(closedAgain.commitments.find((c) => c.actionId === plan.schools)!.title).toBe('Green schools exchange');
    expect(getCardsMap(await services.control.readBoard(board, (d) => d)).size).toBe(3);
  });

  it("lets a city report progress only on what it leads, and note on others'", async () => {
    links.bangkok = await link({ role: 'city', city: 'bangkok' });
    links.hcmc = await link({ role: 'city', city: 'Ho Chi Minh City' });
    links.outcomes = await link({ role: 'outcomes' });
    const schools = schoolsOf();
    const milestone = schools.milestones[0]!.id;
    const progress = {
      kind: 'progress',
      commitmentId: schools.id,
      item: 'milestone',
      itemId: milestone,
      status: 'done',
      percent: 100,
      note: 'ครูจากโฮจิมินห์มาเยี่ยมแล้ว',
      lang: 'th',
      evidence: ['https://example.org/visit']
    };

    const byLead = await update(links.bangkok, progress);
    expect(byLead.status).toBe(201);
    expect(((await byLead.json()) as { update: ProgressUpdate }).update).toMatchObject({ city: 'Bangkok', status: 'done', lang: 'th' });

    const byPartner = await update(links.hcmc, { ...progress, note: 'Đã xong', lang: 'vi' });
    expect(byPartner.status).toBe(403);
    expect(((await byPartner.json()) as { error: string }).error).toContain('only Bangkok records its progress');
    const note = await update(links.hcmc, { kind: 'note', commitmentId: schools.id, item: 'commitment', note: 'Chúng tôi sẽ gửi thêm giáo viên', lang: 'vi' });
    expect(note.status).toBe(201);

    expect((await update(links.outcomes, progress)).status).toBe(403);
    expect((await update(workshop.tokens.facilitator, progress)).status).toBe(403);
    expect((await update(workshop.tokens.delegate, progress)).status).toBe(403);
    expect((await update('forged.token', progress)).status).toBe(401);

    const view = (await (await request(base(), { token: links.outcomes })).json()) as OutcomesView;
    expect(view.updates.map((u) => [u.city, u.kind])).toEqual([
      ['Bangkok', 'progress'],
      ['Ho Chi Minh City', 'note']
    ]);
  });

  it('answers bad input with 400 naming the field', async () => {
    const schools = schoolsOf();
    const good = { kind: 'progress', commitmentId: schools.id, item: 'commitment', status: 'on-track', lang: 'th' };
    const field = async (body: object) => ((await (await update(links.bangkok, body)).json()) as { field?: string }).field;
    expect(await field({ ...good, evidence: ['javascript:alert(1)'] })).toBe('evidence.0');
    expect(await field({ ...good, evidence: ['file:///etc/passwd'] })).toBe('evidence.0');
    expect(await field({ ...good, percent: 101 })).toBe('percent');
    expect(await field({ ...good, status: 'finished' })).toBe('status');
    expect(await field({ ...good, item: 'milestone' })).toBe('itemId');
    expect(await field({ ...good, item: 'milestone', itemId: 'nope' })).toBe('itemId');
    expect(await field({ ...good, commitmentId: `${board}.missing` })).toBe('commitmentId');
    expect(await field({ ...good, item: 'commitment', dueDate: '2019-02-30' })).toBe('dueDate');
    expect(await field({ ...good, lang: 'not a tag' })).toBe('lang');
    expect(await field({ kind: 'note', commitmentId: schools.id, item: 'commitment', note: '  ', lang: 'vi' })).toBe('note');
    const cityRes = await request(`${base()}/links`, { method: 'POST', token: workshop.tokens.facilitator, body: { role: 'city', city: 'Atlantis' } });
    expect(cityRes.status).toBe(400);
    expect(await cityRes.json()).toMatchObject({ field: 'city' });
  });

  it('retires a re-issued city link and no other', async () => {
    const old = links.hcmc!;
    const fresh = await link({ role: 'city', city: 'Ho Chi Minh City', reissue: true });
    const note = { kind: 'note', commitmentId: schoolsOf().id, item: 'commitment', note: 'ok', lang: 'vi' };
    expect((await update(old, note)).status).toBe(401);
    expect((await update(fresh, note)).status).toBe(201);
    expect((await update(links.bangkok!, note)).status).toBe(201);
  });

  it('refuses follow-up links at the sync upgrade and on meeting routes', async () => {
    for (const token of [links.bangkok!, links.outcomes!]) {
      const admission = await services.rooms.policy.authenticate({
        boardId: board,
        authorization: undefined,
        url: new URL(`http://localhost/sync/${board}?token=${token}`)
      });
      expect(admission.ok).toBe(false);
      expect((await request(`/api/workshops/${workshop.id}`, { token })).status).toBe(401);
      expect((await request(`/api/workshops/${workshop.id}/locks/${board}`, { method: 'PUT', token, body: { locked: true } })).status).toBe(401);
    }
  });

  it('shows the outcomes without tokens, votes or names of people', async () => {
    const text = await (await request(base(), { token: links.outcomes })).text();
    for (const secret of [...Object.values(workshop.tokens), ...Object.values(links)]) expect(text).not.toContain(secret);
    expect(text).not.toContain('Pim');
    expect(text).not.toMatch(/"(votes|tallies|participantId|joinCode)"/);
  });

  it('moves a milestone in the calendar feed under the same UID, and puts progress in the report', async () => {
    const schools = schoolsOf();
    const second = schools.milestones[1]!;
    const calendarOf = async () => (await request(`${base()}/calendar.ics?city=Bangkok&token=${encodeURIComponent(links.bangkok!)}`)).text();
    const before = await calendarOf();
    const uid = `${workshop.id}.${board}.${plan.schools}.${second.id}@plenary`;
    expect(before.replace(/\r\n /g, '')).toContain(`UID:${uid}`);
    expect(before).toContain('DTSTART;VALUE=DATE:20190301');
    const moved = await update(links.bangkok!, {
      kind: 'progress',
      commitmentId: schools.id,
      item: 'milestone',
      itemId: second.id,
      status: 'delayed',
      dueDate: '2019-04-15',
      note: 'เลื่อนเพราะปิดเทอม',
      lang: 'th'
    });
    expect(moved.status).toBe(201);
    const after = await calendarOf();
    expect(after.replace(/\r\n /g, '')).toContain(`UID:${uid}`);
    expect(after).toContain('DTSTART;VALUE=DATE:20190415');
    expect(after).not.toContain('DTSTART;VALUE=DATE:20190301');
    expect(after).toMatch(/SEQUENCE:1/);

    const csv = await (await request(`${base()}/report.csv?date=${new Date().toISOString().slice(0, 10)}`, { token: workshop.tokens.observer })).text();
    expect(csv).toContain('เลื่อนเพราะปิดเทอม');
    expect(csv).toContain('Green schools exchange');
    // As of a day before anything was recorded, nothing was reported.
    const early = (await (await request(`${base()}/report.json?date=2018-01-01`, { token: links.outcomes })).json()) as {
      commitments: { status: string; updates: unknown[] }[];
    };
    expect(early.commitments.every((c) => c.status === 'not-started' && c.updates.length === 0)).toBe(true);
    // In the reader's language: the report's headings and statuses, the feed's summaries; the notes as written.
    const docx = unzipSync(new Uint8Array(await (await request(`${base()}/report.docx?lang=vi`, { token: links.outcomes })).arrayBuffer()));
    const xml = strFromU8(docx['word/document.xml']!);
    expect(xml).toContain('Báo cáo tiến độ');
    expect(xml).toContain('chậm');
    expect(xml).toContain('เลื่อนเพราะปิดเทอม');
    const thaiFeed = (await (await request(`${base()}/calendar.ics?lang=th&token=${encodeURIComponent(links.bangkok)}`)).text()).replace(/\r\n /g, '');
    expect(thaiFeed).toContain('ล่าช้า');
    expect((await request(`${base()}/report.json?lang=not a tag`, { token: links.outcomes })).status).toBe(400);
    expect((await request(`${base()}/report.xlsx`, { token: links.outcomes })).status).toBe(404);
    expect((await request(`${base()}/report.csv?date=2019-13-01`, { token: links.outcomes })).status).toBe(400);
  });

  it('deletes every follow-up record with the workshop', async () => {
    const plan = (await planDeletion(store, workshop.id))!;
    expect(plan.metaKeys).toEqual(expect.arrayContaining([`followup:${workshop.id}`, ...commitments.map((c) => `commitment:${workshop.id}:${c.id}`)]));
    expect(plan.records[0]).toBe(`progress:${workshop.id}`);
    // The rest: which device writes under which Yjs client id on each document (sync/room-writer-ids.ts).
    expect(plan.records.slice(1).sort()).toEqual(plan.docs.map(writerRecords).sort());
    await services.rooms.destroyAll();
    const done = await applyDeletion(store, plan);
    expect(done.records).toBeGreaterThanOrEqual(4);
    expect(await store.listRecords(`progress:${workshop.id}`)).toEqual([]);
    expect(await store.listMeta(`commitment:${workshop.id}:`)).toEqual([]);
    expect(await store.getMeta(`followup:${workshop.id}`)).toBeNull();
  });
});
