import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessApp, fromLoopback } from './support/app.ts';
import type { BoardRef } from '@plenary/shared/api';

interface Created {
  id: string;
  boards: BoardRef[];
  tokens: { facilitator: string; delegate: string; observer: string };
}

describe('theme names per language (in-process)', () => {
  const { app, close } = createInProcessApp('plenary-theme-names-');
  const request = (url: string, init: { method?: string; body?: unknown; token?: string } = {}) =>
    app.request(
      url,
      {
        method: init.method ?? 'GET',
        headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
        ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {})
      },
      fromLoopback
    );
  let workshop: Created;
  const namesUrl = (boardId = workshop.boards[4]!.id) => `/api/workshops/${workshop.id}/boards/${boardId}/names`;
  const read = async (token: string) => ((await (await request(`/api/workshops/${workshop.id}`, { token })).json()) as { boards: BoardRef[] }).boards;

  beforeAll(async () => {
    const res = await request('/api/workshops', { method: 'POST', body: { title: 'Sister cities 2018' } });
    expect(res.status).toBe(201);
    workshop = (await res.json()) as Created;
  });

  afterAll(async () => {
    await close();
  });

  it('a workshop with the standing themes carries each theme\u2019s name in all twelve languages', async () => {
    const boards = await read(workshop.tokens.delegate);
    expect(boards.map((b) => Object.keys(b.names ?? {}).length)).toEqual([12, 12, 12, 12, 12]);
    expect(boards[0]!.names).toMatchObject({ en: 'Environment and quality of life', th: 'สิ่งแวดล้อมและคุณภาพชีวิต', mn: 'Байгаль орчин ба амьдралын чанар' });
  });

  it('a facilitator renames a theme in some languages; every reader gets the names; an empty name removes one', async () => {
    const res = await request(namesUrl(), { method: 'PUT', token: workshop.tokens.facilitator, body: { names: { vi: '  Chủ đề mở  ', th: '' } } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { board: BoardRef }).board.names).toMatchObject({ vi: 'Chủ đề mở', en: 'Other topics' });
    const seen = (await read(workshop.tokens.observer))[4]!;
    expect(seen.names?.vi).toBe('Chủ đề mở');
    expect(seen.names).not.toHaveProperty('th');
    expect(seen.theme).toBe('Other topics');
    // The other boards keep theirs.
    expect((await read(workshop.tokens.delegate))[3]!.names?.vi).toBe('Xúc tiến thương mại và kinh tế');
  });

  it('refuses delegates (403), observers (403) and callers without a token of this workshop (401); nothing changes', async () => {
    const body = { names: { vi: 'Tên của tôi' } };
    for (const [token, status] of [
      [workshop.tokens.delegate, 403],
      [workshop.tokens.observer, 403],
      [undefined, 401],
      ['forged.token', 401]
    ] as const) {
      const res = await request(namesUrl(), { method: 'PUT', body, ...(token ? { token } : {}) });
      expect(res.status).toBe(status);
    }
    expect((await read(workshop.tokens.facilitator))[4]!.names?.vi).toBe('Chủ đề mở');
  });

  it('refuses a bad body naming the field, and a board of no such id naming boardId', async () => {
    const facilitator = workshop.tokens.facilitator;
    const cases: [unknown, string][] = [
      [{ names: { xx: 'Water' } }, 'names'],
      [{ names: { km: 'ក'.repeat(201) } }, 'names.km'],
      [{ names: { ru: 5 } }, 'names.ru'],
      [{ names: 'Water' }, 'names'],
      [{}, 'names'],
      ['{not json', 'body']
    ];
    for (const [body, field] of cases) {
      const res = await request(namesUrl(), { method: 'PUT', token: facilitator, body });
      expect({ status: res.status, field: ((await res.json()) as { field?: string }).field }).toEqual({ status: 400, field });
    }
    const unknown = await request(namesUrl('no-such-board'), { method: 'PUT', token: facilitator, body: { names: { vi: 'x' } } });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { field?: string }).field).toBe('boardId');
  });
});
