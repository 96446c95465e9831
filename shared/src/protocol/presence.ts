/**
 * What a presence (a y-protocols awareness state) on a board may carry, read the same way by the
 * server (which refuses a malformed one) and by every screen (which draws it).
 *
 *   { user: { name, city, color, lang },
 *     editing: cardId | null,                        the card the person is in
 *     cursor: { card, field, anchor, head } | null }  the text field they are typing in, and where
 *
 * `field` is the path of the text inside its card (`textLocation` in the schema: `text`, `title`,
 * `milestones/<id>/text`, `translations/<lang>/title`…). `anchor` and `head` are Yjs relative
 * positions as `Y.relativePositionToJSON` writes them: they stay at the same character while
 * others type before them, which index numbers would not.
 */
import { z } from 'zod';

/** Longest `field` path: four segments of an id's length. */
export const MAX_FIELD_PATH_CHARS = 4 * 64 + 3;

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const FIELD_PATH = /^[A-Za-z0-9_-]{1,64}(\/[A-Za-z0-9_-]{1,64}){0,3}$/;

/** A Yjs item id: client ids are 32-bit, clocks count operations. */
const yjsId = z.strictObject({
  client: z.number().int().min(0).max(0xffffffff),
  clock: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)
});

/**
 * A relative position inside a nested Y.Text: an item and/or its type, never a root type's name
 * (a name from someone else would make a reader create that root type), and at least one of them
 * (Yjs throws on neither).
 */
const relativePosition = z
  .strictObject({ type: yjsId.optional(), item: yjsId.optional(), assoc: z.number().int().min(-1).max(1).optional() })
  .refine((p) => p.type !== undefined || p.item !== undefined, 'a position needs an item or a type');

const cursorSchema = z.strictObject({
  card: z.string().regex(ID),
  field: z.string().max(MAX_FIELD_PATH_CHARS).regex(FIELD_PATH),
  anchor: relativePosition,
  head: relativePosition
});

/** Where a person is typing: a card's text field, and their selection in it (anchor = head for a caret). */
export type PresenceCursor = z.infer<typeof cursorSchema>;

/** A relative position as JSON (what `Y.relativePositionToJSON` returns for a nested text). */
export type RelativePositionJson = PresenceCursor['anchor'];

/** `value` as a cursor, or null when it is none or malformed. */
export const readPresenceCursor = (value: unknown): PresenceCursor | null => {
  const parsed = cursorSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
};

/**
 * Why a board presence is refused, or null when it may be announced. Only the fields this format
 * defines are checked (`editing`, `cursor`); other keys are other tools' business and fit in the
 * awareness size limit of the sync protocol.
 */
export const presenceProblem = (state: unknown): string | null => {
  if (state === null || typeof state !== 'object' || Array.isArray(state)) return state === null ? null : 'presence is not an object';
  const { editing, cursor } = state as { editing?: unknown; cursor?: unknown };
  if (editing !== undefined && editing !== null && !(typeof editing === 'string' && ID.test(editing))) return 'presence.editing is not a card id';
  if (cursor !== undefined && cursor !== null && readPresenceCursor(cursor) === null) return 'presence.cursor is malformed';
  return null;
};
