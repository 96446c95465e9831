/**
 * A presence's cursor as a zod schema: the format written down for tools and tests. Screens and the
 * server check cursors with `readPresenceCursor` (presence.ts), written by hand so the browser does
 * not download zod; tests/unit/protocol/presence-cursor-check.test.ts checks both agree.
 */
import { z } from 'zod';
import { MAX_FIELD_PATH_CHARS } from './presence.ts';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const FIELD_PATH = /^[A-Za-z0-9_-]{1,64}(\/[A-Za-z0-9_-]{1,64}){0,3}$/;

/** A Yjs item id: client ids are 32-bit, clocks count operations. */
const yjsId = z.strictObject({
  client: z.number().int().min(0).max(0xffffffff),
  clock: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)
});

/** A relative position inside a nested Y.Text: an item and/or its type, never a root type's name, and at least one of them. */
const relativePosition = z
  .strictObject({ type: yjsId.optional(), item: yjsId.optional(), assoc: z.number().int().min(-1).max(1).optional() })
  .refine((p) => p.type !== undefined || p.item !== undefined, 'a position needs an item or a type');

/** Where a person is typing: a card's text field, and their selection in it. */
export const presenceCursorSchema = z.strictObject({
  card: z.string().regex(ID),
  field: z.string().max(MAX_FIELD_PATH_CHARS).regex(FIELD_PATH),
  anchor: relativePosition,
  head: relativePosition
});
