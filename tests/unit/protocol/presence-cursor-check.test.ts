/**
 * A presence's cursor is checked by hand (every screen reads presences; the board page does not
 * download zod). The format is written down as a zod schema (presence-schema.ts): both must accept
 * and refuse the same cursors, and the server's `presenceProblem` follows.
 */
import { describe, expect, it } from 'vitest';
import { presenceProblem, readPresenceCursor } from '@plenary/shared/protocol';
import { presenceCursorSchema as cursorSchema } from '@plenary/shared/protocol/presence-schema';

const item = { client: 1234, clock: 5 };
const at = { item, assoc: 0 };
const good = { card: 'card_1', field: 'text', anchor: at, head: at };
const positions: unknown[] = [
  at,
  { item },
  { type: item },
  { type: item, item },
  {},
  { assoc: 0 },
  { item, assoc: 2 },
  { item, assoc: -1 },
  { item, assoc: 0.5 },
  { item, tname: 'cards' },
  { item: { client: -1, clock: 0 } },
  { item: { client: 0xffffffff, clock: Number.MAX_SAFE_INTEGER } },
  { item: { client: 0x100000000, clock: 0 } },
  { item: { client: 1, clock: 1.5 } },
  { item: { client: 1, clock: Number.NaN } },
  { item: { client: 1, clock: Number.POSITIVE_INFINITY } },
  { item: { client: 1, clock: 2, extra: 0 } },
  { item: { client: '1', clock: 2 } },
  { item: null },
  { item: undefined, type: item },
  { item: [] },
  null,
  [],
  'anchor',
  7
];
const cursors: unknown[] = [
  good,
  ...positions.map((anchor) => ({ ...good, anchor })),
  ...positions.map((head) => ({ ...good, head })),
  ...[
    'text',
    'milestones/m1/text',
    'translations/th/title',
    'a/b/c/d',
    'a/b/c/d/e',
    '',
    '/text',
    'text/',
    'x'.repeat(65),
    `${'x'.repeat(64)}/`.repeat(3) + 'x'.repeat(64),
    'a b',
    3
  ].map((field) => ({ ...good, field })),
  ...['card_1', '', 'x'.repeat(65), 'a/b', null].map((card) => ({ ...good, card })),
  { ...good, extra: 1 },
  { card: 'c', field: 'text', anchor: at },
  null,
  undefined,
  [],
  'cursor'
];

describe('a presence cursor checked by hand', () => {
  it('accepts and refuses what the zod schema does, and reads the same value', () => {
    for (const cursor of cursors) {
      const zod = cursorSchema.safeParse(cursor);
      expect(readPresenceCursor(cursor), JSON.stringify(cursor)).toEqual(zod.success ? zod.data : null);
    }
  });

  it('the server refuses a presence whose cursor the schema refuses', () => {
    for (const cursor of cursors) {
      if (cursor === null || cursor === undefined) continue;
      const refused = presenceProblem({ editing: 'card_1', cursor }) !== null;
      expect(refused, JSON.stringify(cursor)).toBe(!cursorSchema.safeParse(cursor).success);
    }
  });
});
