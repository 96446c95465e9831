/**
 * GET /api/boards/:id/export.<format> and /api/workshops/:id/export.<format> against a real server
 * process, with a board written by a real y-websocket client: every format answers with its media
 * type and an attachment name, parses, and carries the board's text exactly; any token of the
 * workshop opens them (observer included), others get 401/403; unknown formats are named in a 404;
 * PDF is printed in Chromium, or answered 501 where there is none.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocumentSchema } from '@plenary/shared/export';
import { addCard, readBoard } from '@plenary/shared/schema';
import { validateBoard } from '@plenary/shared/schema/zod';
import { connectClient, type TestClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { HOSTILE, SCRIPT_TITLES } from '../export/fixtures.ts';

const THEMES = ['Environment and quality of life', 'Culture, recreation and tourism'];
const base = { createdBy: 'Somchai', authorCity: 'Bangkok' } as const;

describe('export endpoints', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  let other: CreatedWorkshop;
  let client: TestClient;
  let boardId: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'plenary-export-http-'));

  const get = (url: string, token: string | null = workshop.tokens.observer) =>
    server.fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  beforeAll(async () => {
    server = await startServer();
    workshop = await server.createWorkshop({
      title: 'Sister City Seminar 2026',
      themes: THEMES,
      hostCity: { en: 'Bangkok', native: 'กรุงเทพมหานคร', country: 'Thailand', lang: 'th' },
      cities: [
        { en: 'Bangkok', native: 'กรุงเทพมหานคร' },
        { en: 'Beijing', native: '北京' }
      ],
      startDate: '2026-03-12',
      endDate: '2026-03-16'
    });
    other = await server.createWorkshop({ title: 'Another workshop' });
    boardId = workshop.boards[0]!.id;
    client = connectClient(server.syncBase, boardId, workshop.tokens.facilitator);
    await client.synced();
    for (const [lang, title] of Object.entries(SCRIPT_TITLES)) {
      addCard(client.doc, {
        ...base,
        kind: 'action',
        lane: 'agreed',
        lang,
        title,
        leadCity: 'Bangkok',
        endDate: '2026-12-31',
        milestones: [{ date: '2026-06-30', text: title }]
      });
    }
    addCard(client.doc, {
      ...base,
      kind: 'action',
      lane: 'agreed',
      lang: 'en',
      title: HOSTILE.formula,
      objective: HOSTILE.script,
      resources: HOSTILE.mdLink,
      endDate: '2026-11-30'
    });
    addCard(client.doc, { ...base, kind: 'idea', lang: 'th', text: 'ตลาดน้ำสีเขียว' });
    // The export reads what the server holds: wait until every card has reached it.
    const expected = readBoard(client.doc).cards.length;
    await waitFor(
      async () => {
        const res = await get(`/api/boards/${boardId}/export.json`);
        return res.ok && ((await res.json()) as { boards: Array<{ snapshot: { cards: unknown[] } }> }).boards[0]!.snapshot.cards.length === expected;
      },
      15_000,
      'the server to hold every card'
    );
  });
  afterAll(async () => {
    client?.destroy();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers JSON in the export format, each board a valid snapshot equal to what the client holds', async () => {
    const res = await get(`/api/boards/${boardId}/export.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const doc = exportDocumentSchema.parse(await res.json());
    expect(doc.workshop).toMatchObject({ id: workshop.id, title: 'Sister City Seminar 2026', startDate: '2026-03-12' });
    expect(validateBoard(doc.boards[0]!.snapshot).ok).toBe(true);
    expect(doc.boards[0]!.snapshot.cards).toEqual(readBoard(client.doc).cards);
    expect(Date.parse(doc.takenAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('names the file in Content-Disposition, in UTF-8 with an ASCII fallback', async () => {
    const res = await get(`/api/boards/${boardId}/export.docx`);
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.docx"; filename\*=UTF-8''/);
    const name = decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!);
    expect(name).toMatch(/^Sister City Seminar 2026 – Environment and quality of life – \d{4}-\d{2}-\d{2}\.docx$/);
  });

  it('answers Word with every agreed action, hostile text escaped', async () => {
    const res = await get(`/api/workshops/${workshop.id}/export.docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))['word/document.xml']!);
    for (const title of Object.values(SCRIPT_TITLES)) expect(xml).toContain(title);
    expect(xml).toContain('&lt;script&gt;');
    expect(xml).not.toContain('<script>');
    for (const theme of THEMES) expect(xml).toContain(theme);
  });

  it('answers CSV with a BOM, Thai and CJK exact, formulas neutralised', async () => {
    const res = await get(`/api/boards/${boardId}/export.csv`);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes), { bom: true, columns: true }) as Record<string, string>[];
    const titles = rows.map((r) => r.title);
    for (const title of Object.values(SCRIPT_TITLES)) expect(titles).toContain(title);
    expect(titles).toContain(`'${HOSTILE.formula}`);
    expect(rows.map((r) => r.text)).toContain('ตลาดน้ำสีเขียว');
  });

  it('answers Markdown and iCalendar that carry the plan', async () => {
    const md = await get(`/api/workshops/${workshop.id}/export.md`);
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const text = await md.text();
    expect(text).toContain(SCRIPT_TITLES.th);
    expect(text).not.toMatch(/(?<!\\)\]\(javascript:/);
    for (const theme of THEMES) expect(text).toContain(`## ${theme}`);

    const ics = await get(`/api/boards/${boardId}/export.ics`);
    expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const events = new ICAL.Component(ICAL.parse(await ics.text())).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events).toHaveLength(Object.keys(SCRIPT_TITLES).length * 2 + 1);
    expect(events.some((e) => e.summary === `${SCRIPT_TITLES.zh} (ends)`)).toBe(true);
  });

  it('answers PDF printed in Chromium, with the agreed actions in its text', async () => {
    const res = await get(`/api/workshops/${workshop.id}/export.pdf?token=${encodeURIComponent(workshop.tokens.delegate)}`, null);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(dir, 'workshop.pdf');
    writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const title of [SCRIPT_TITLES.th, SCRIPT_TITLES.zh, SCRIPT_TITLES.ru]) expect(text).toContain(title.replace(/\s+/g, ''));
  });

  it('opens with any role of the workshop, as Bearer or ?token=', async () => {
    for (const token of Object.values(workshop.tokens)) expect((await get(`/api/boards/${boardId}/export.md`, token)).status).toBe(200);
    const viaQuery = await get(`/api/boards/${boardId}/export.md?token=${encodeURIComponent(workshop.tokens.observer)}`, null);
    expect(viaQuery.status).toBe(200);
  });

  it('refuses without a token, with another workshop’s token and with a forged one (all 401), revealing nothing', async () => {
    const none = await get(`/api/boards/${boardId}/export.csv`, null);
    expect(none.status).toBe(401);
    expect(await none.text()).not.toContain(SCRIPT_TITLES.th);
    const foreign = await get(`/api/workshops/${workshop.id}/export.json`, other.tokens.facilitator);
    expect(foreign.status).toBe(401);
    expect(await foreign.text()).not.toContain('Sister City');
    const forged = workshop.tokens.observer.slice(0, -1) + (workshop.tokens.observer.endsWith('A') ? 'B' : 'A');
    expect((await get(`/api/boards/${boardId}/export.json`, forged)).status).toBe(401);
    expect((await get(`/api/boards/${boardId}/export.json`, other.tokens.observer)).status).toBe(401);
  });

  it('serves the print page for the browser: A4 page rules, every agreed action, no script allowed', async () => {
    for (const url of [`/api/boards/${boardId}/print`, `/api/workshops/${workshop.id}/print`]) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      const html = await res.text();
      expect(html).toMatch(/@page\s*\{[^}]*A4/);
      for (const title of Object.values(SCRIPT_TITLES)) expect(html).toContain(title);
      expect(html).not.toContain('<script>');
      expect(html).toContain('&lt;script&gt;');
    }
    expect((await get(`/api/boards/${boardId}/print`, null)).status).toBe(401);
  });

  it('exports with headings in a chosen language (?lang=th), and refuses an unknown mode naming it', async () => {
    const md = await (await get(`/api/boards/${boardId}/export.md?lang=th`)).text();
    expect(md).toContain('วัตถุประสงค์');
    const english = await (await get(`/api/boards/${boardId}/export.md`)).text();
    expect(english).toContain('Objective');
    expect(english).not.toContain('วัตถุประสงค์');
    const bad = await get(`/api/boards/${boardId}/export.md?mode=sideways`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { field: string }).field).toBe('mode');
  });

  it('answers an unknown board like a wrong token, and an unknown format with a 404 naming it', async () => {
    expect((await get('/api/boards/no-such-board/export.json')).status).toBe(401);
    expect((await get('/api/boards/no-such-board/export.json', null)).status).toBe(401);
    const res = await get(`/api/boards/${boardId}/export.xlsx`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toContain('"xlsx" is not an export format');
  });
});

describe('PDF export without Chromium', () => {
  let server: PlenaryServer;
  afterAll(() => server?.close());

  it('answers 501 with a message naming what is missing', async () => {
    server = await startServer({ env: { CHROMIUM_PATH: '/nonexistent/chromium' } });
    const workshop = await server.createWorkshop({ title: 'No printer here' });
    const res = await server.fetch(`/api/workshops/${workshop.id}/export.pdf`, { headers: { authorization: `Bearer ${workshop.tokens.observer}` } });
    expect(res.status).toBe(501);
    expect(((await res.json()) as { error: string }).error).toContain('Chromium');
    const csv = await server.fetch(`/api/workshops/${workshop.id}/export.csv`, { headers: { authorization: `Bearer ${workshop.tokens.observer}` } });
    expect(csv.status).toBe(200);
  });
});
