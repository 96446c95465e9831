/**
 * Exports of a board written by a hostile client (a real y-websocket client writing the Y.Doc
 * directly, as an attacker would, past every form): a card id holding CR LF and an iCalendar
 * property, a milestone dated "not-a-date" and an end date 2026-13-45. Every format of the board
 * and of the whole workshop still answers 200; the calendar gains no property from the id; the
 * invalid dates are skipped and reported (X-Export-Warnings, JSON `warnings`, X-PLENARY-WARNING).
 */
import ICAL from 'ical.js';
import type * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, ICS_WARNING, exportDocumentSchema } from '@plenary/shared/export';
import { addCard, getCardMap } from '@plenary/shared/schema';
import { connectClient, type TestClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';

const INJECTED_ID = 'x\r\nATTENDEE:mailto:attacker@evil.example\r\nX-EVIL:1';
const base = { createdBy: 'Mallory', authorCity: 'Nowhere', lang: 'en' } as const;

describe('exports of a board holding what no form lets through', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  let attacker: TestClient;
  let boardId: string;

  const get = (url: string) => server.fetch(url, { headers: { authorization: `Bearer ${workshop.tokens.observer}` } });

  beforeAll(async () => {
    server = await startServer();
    workshop = await server.createWorkshop({ title: 'Hostile board', themes: ['Environment', 'Culture'] });
    boardId = workshop.boards[0]!.id;
    attacker = connectClient(server.syncBase, boardId, workshop.tokens.facilitator);
    await attacker.synced();
    addCard(attacker.doc, { ...base, kind: 'action', lane: 'agreed', title: 'Good action', leadCity: 'Bangkok', endDate: '2026-12-31' });
    const dated = addCard(attacker.doc, {
      ...base,
      kind: 'action',
      lane: 'agreed',
      title: 'Badly dated action',
      endDate: '2026-12-31',
      milestones: [{ date: '2026-06-30', text: 'Survey' }]
    });
    const injected = addCard(attacker.doc, { ...base, kind: 'action', lane: 'agreed', title: 'Injected', endDate: '2026-11-30' });
    // Raw writes into the document, past the schema helpers.
    attacker.doc.transact(() => {
      const card = getCardMap(attacker.doc, dated)!;
      card.set('endDate', '2026-13-45');
      (card.get('milestones') as Y.Array<Y.Map<unknown>>).get(0).set('date', 'not-a-date');
      getCardMap(attacker.doc, injected)!.set('id', INJECTED_ID);
    });
    // The server holds every write once the JSON export reports all three problems.
    await waitFor(
      async () => {
        const res = await get(`/api/boards/${boardId}/export.json`);
        if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
        return ((await res.json()) as { warnings: unknown[] }).warnings.length === 3;
      },
      20_000,
      'the server to hold the hostile writes'
    );
  });
  afterAll(async () => {
    attacker?.destroy();
    await server?.close();
  });

  it('answers every format of the board and of the workshop with 200', async () => {
    for (const format of EXPORT_FORMATS.filter((f) => f !== 'pdf')) {
      for (const url of [`/api/boards/${boardId}/export.${format}`, `/api/workshops/${workshop.id}/export.${format}`]) {
        const res = await get(url);
        expect(res.status, url).toBe(200);
        await res.arrayBuffer();
      }
    }
    expect((await get(`/api/workshops/${workshop.id}/print`)).status).toBe(200);
  });

  it('adds no calendar property from a card id, skips the invalid dates and names them', async () => {
    const res = await get(`/api/workshops/${workshop.id}/export.ics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const names = text.split('\r\n').map((l) => l.split(/[:;]/)[0]);
    expect(names).not.toContain('ATTENDEE');
    expect(names).not.toContain('X-EVIL');
    const calendar = new ICAL.Component(ICAL.parse(text));
    const warnings = calendar.getAllProperties(ICS_WARNING.toLowerCase()).map((p) => String(p.getFirstValue()));
    expect(warnings.some((w) => w.includes('2026-13-45'))).toBe(true);
    expect(warnings.some((w) => w.includes('not-a-date'))).toBe(true);
    expect(Number(res.headers.get('x-export-warnings'))).toBe(warnings.length);
    const summaries = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c).summary);
    expect(summaries.some((s) => s.includes('Good action'))).toBe(true);
    // Both of the badly dated action's dates were invalid: it has no event, and the export did not fail.
    expect(summaries.some((s) => s.includes('Badly dated action'))).toBe(false);
  });

  it('lists what it left empty or out under `warnings` in the JSON export, which stays valid', async () => {
    const res = await get(`/api/boards/${boardId}/export.json`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { warnings: Array<{ code: string; path: string; cardId?: string }> };
    exportDocumentSchema.parse(body);
    expect(body.warnings.map((w) => [w.code, w.path])).toEqual(
      expect.arrayContaining([
        ['invalid-date', 'endDate'],
        ['invalid-date', 'milestones[0].date'],
        ['invalid-card', '']
      ])
    );
    expect(Number(res.headers.get('x-export-warnings'))).toBe(body.warnings.length);
    const doc = exportDocumentSchema.parse(body);
    expect(doc.boards[0]!.snapshot.cards.map((c) => c.id)).not.toContain(INJECTED_ID);
  });
});
