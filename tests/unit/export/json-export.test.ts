/** JSON export: the versioned export format; each board validates as a board snapshot; text is exact. */
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, EXPORT_VERSION, exportDocumentSchema, renderJson } from '@plenary/shared/export';
import { validateBoard } from '@plenary/shared/schema/zod';
import { buildCultureBoard, buildEnvironmentBoard, exportInput, HOSTILE, SCRIPT_TITLES, TAKEN_AT, WORKSHOP } from '../../export/fixtures.ts';

const env = buildEnvironmentBoard();
const culture = buildCultureBoard();
const parsed: unknown = JSON.parse(renderJson(exportInput([env, culture], 'Day 2 close')));

describe('JSON export', () => {
  it('matches the export schema and names its format, version, moment and version label', () => {
    const doc = exportDocumentSchema.parse(parsed);
    expect(doc).toMatchObject({ format: EXPORT_FORMAT, version: EXPORT_VERSION, takenAt: TAKEN_AT, versionLabel: 'Day 2 close' });
    expect(doc.workshop).toEqual(WORKSHOP);
    expect(doc.boards.map((b) => b.theme)).toEqual(['Environment and quality of life', 'Culture, recreation and tourism']);
  });

  it('holds each board as a snapshot that validateBoard accepts, card for card', () => {
    const doc = exportDocumentSchema.parse(parsed);
    for (const [i, original] of [env, culture].entries()) {
      const result = validateBoard(doc.boards[i]!.snapshot);
      expect(result.ok).toBe(true);
      expect(doc.boards[i]!.snapshot.cards.map((c) => c.id)).toEqual(original.cards.map((c) => c.id));
    }
  });

  it('keeps every script and hostile text exactly, without control characters', () => {
    const cards = exportDocumentSchema.parse(parsed).boards[0]!.snapshot.cards;
    const byTitle = new Map(cards.flatMap((c) => (c.kind === 'action' ? [[c.title, c] as const] : [])));
    for (const title of Object.values(SCRIPT_TITLES)) expect(byTitle.has(title)).toBe(true);
    const hostile = byTitle.get(HOSTILE.formula)!;
    expect(hostile).toMatchObject({ objective: HOSTILE.script, resources: HOSTILE.mdLink, responsibleOfficer: HOSTILE.controlsCleaned });
    expect(JSON.stringify(parsed)).not.toMatch(/\\u000[0-8]|\\u001[0-9a-f]|\\u007f/);
  });
});
