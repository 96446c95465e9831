import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SCHEMA_VERSION, dateProblems, readBoard, type BoardSnapshot } from '@plenary/shared/schema';
import { validateBoard, writeBoard } from '@plenary/shared/schema/zod';

const schemaDoc = readFileSync(new URL('../../docs/SCHEMA.md', import.meta.url), 'utf8');

describe('docs/SCHEMA.md', () => {
  it('documents the current schema version', () => {
    expect(schemaDoc).toContain(`schema version ${SCHEMA_VERSION}`);
  });

  it('its example snapshot validates and loads into a board that reads back identically', () => {
    const block = /```json\n([\s\S]*?)\n```/.exec(schemaDoc);
    expect(block).not.toBeNull();
    const example = JSON.parse(block![1]!) as BoardSnapshot;
    expect(validateBoard(example)).toEqual({ ok: true, value: example });
    const doc = new Y.Doc();
    writeBoard(doc, example);
    expect(readBoard(doc)).toEqual(example);
    expect(example.cards.map((c) => c.lang)).toEqual(expect.arrayContaining(['th', 'zh']));
    expect(example.cards.flatMap(dateProblems)).toEqual([]);
  });
});
