/**
 * POST /api/workshops: the contract other tools rely on exactly — 201 with id, title, boards
 * (one Yjs document each) and three role tokens; the five standing themes by default; 400 naming
 * the field for every malformed body; the organiser key when one is configured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type PlenaryServer } from '../utils/server.ts';

const STANDING_THEMES = [
  'Environment and quality of life',
  'Culture, recreation and tourism',
  'Education and youth development',
  'Trade and economic promotion',
  'Other topics'
];

const post = (server: PlenaryServer, body: string, headers: Record<string, string> = {}) =>
  server.fetch('/api/workshops', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('POST /api/workshops', () => {
  let server: PlenaryServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.close());

  it('answers 201 with id, title, one board per theme and three role tokens', async () => {
    const res = await post(server, JSON.stringify({ title: 'Riverside cities 2025', themes: ['Water', 'Schools'] }));
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      id: expect.any(String),
      title: 'Riverside cities 2025',
      boards: [
        { id: expect.any(String), theme: 'Water' },
        { id: expect.any(String), theme: 'Schools' }
      ],
      tokens: { facilitator: expect.any(String), delegate: expect.any(String), observer: expect.any(String) }
    });
    const boards = body.boards as { id: string }[];
    expect(new Set(boards.map((b) => b.id)).size).toBe(2);
    for (const b of boards) expect(b.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    const tokens = Object.values(body.tokens as Record<string, string>);
    expect(new Set(tokens).size).toBe(3);
  });

  it('creates the five standing themes when no themes are given', async () => {
    const created = await server.createWorkshop({ title: 'Default themes' });
    expect(created.boards.map((b) => b.theme)).toEqual(STANDING_THEMES);
  });

  it('accepts a 200-character title and 40 themes (the limits themselves)', async () => {
    const themes = Array.from({ length: 40 }, (_, i) => `Theme ${i + 1}`);
    const res = await post(server, JSON.stringify({ title: 'x'.repeat(200), themes }));
    expect(res.status).toBe(201);
    expect(((await res.json()) as { boards: unknown[] }).boards).toHaveLength(40);
  });

  const badBodies: [string, string, string][] = [
    ['malformed JSON', '{"title": "Unclosed', 'body'],
    ['a missing title', JSON.stringify({ themes: ['A'] }), 'title'],
    ['a title that is not a string', JSON.stringify({ title: 42 }), 'title'],
    ['an empty title', JSON.stringify({ title: '' }), 'title'],
    ['a 201-character title', JSON.stringify({ title: 'x'.repeat(201) }), 'title'],
    ['themes that are not an array', JSON.stringify({ title: 'T', themes: 'Water' }), 'themes'],
    ['a theme that is not a string', JSON.stringify({ title: 'T', themes: ['Water', 7] }), 'themes.1'],
    ['41 themes', JSON.stringify({ title: 'T', themes: Array.from({ length: 41 }, (_, i) => `Theme ${i}`) }), 'themes']
  ];
  it.each(badBodies)('answers 400 naming the field for %s', async (_what, body, field) => {
    const res = await post(server, body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error?: unknown; field?: unknown };
    expect(json.field).toBe(field);
    expect(typeof json.error).toBe('string');
  });
});

describe('POST /api/workshops with ORGANIZER_KEY set', () => {
  const ORGANIZER_KEY = 'organiser-key-for-tests-7d1f';
  let server: PlenaryServer;
  beforeAll(async () => {
    server = await startServer({ env: { ORGANIZER_KEY } });
  });
  afterAll(() => server?.close());

  it('answers 401 without the organiser key and with a wrong one', async () => {
    const body = JSON.stringify({ title: 'Needs the key' });
    expect((await post(server, body)).status).toBe(401);
    expect((await post(server, body, { authorization: 'Bearer not-the-key' })).status).toBe(401);
  });

  it('creates the workshop with the organiser key', async () => {
    const res = await post(server, JSON.stringify({ title: 'Has the key' }), { authorization: `Bearer ${ORGANIZER_KEY}` });
    expect(res.status).toBe(201);
  });
});
