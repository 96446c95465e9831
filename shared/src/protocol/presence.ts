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
/** Longest `field` path: four segments of an id's length. */
export const MAX_FIELD_PATH_CHARS = 4 * 64 + 3;

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const FIELD_PATH = /^[A-Za-z0-9_-]{1,64}(\/[A-Za-z0-9_-]{1,64}){0,3}$/;
/** Largest Yjs client id (32-bit). */
const MAX_CLIENT = 0xffffffff;

/** A Yjs item id: client ids are 32-bit, clocks count operations. */
export interface YjsIdJson {
  client: number;
  clock: number;
}

/** A relative position as JSON (what `Y.relativePositionToJSON` returns for a nested text). */
export interface RelativePositionJson {
  type?: YjsIdJson;
  item?: YjsIdJson;
  assoc?: number;
}

/** Where a person is typing: a card's text field, and their selection in it (anchor = head for a caret). */
export interface PresenceCursor {
  card: string;
  field: string;
  anchor: RelativePositionJson;
  head: RelativePositionJson;
}

// Checked by hand rather than with a schema library: every screen reads presences, and the board
// page should not download a validator for four fields. presence-schema.ts holds the same rules as
// a zod schema; tests/unit/protocol/presence-cursor-check.test.ts checks both agree.

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);
/** True when `value` is an object with no key outside `keys`. */
const onlyKeys = (value: unknown, keys: readonly string[]): value is Plain => isPlain(value) && Object.keys(value).every((key) => keys.includes(key));
const isIntIn = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

const isYjsId = (value: unknown): value is YjsIdJson =>
  onlyKeys(value, ['client', 'clock']) && isIntIn(value.client, 0, MAX_CLIENT) && isIntIn(value.clock, 0, Number.MAX_SAFE_INTEGER);

/**
 * A relative position inside a nested Y.Text: an item and/or its type, never a root type's name
 * (a name from someone else would make a reader create that root type), and at least one of them
 * (Yjs throws on neither).
 */
const isRelativePosition = (value: unknown): value is RelativePositionJson =>
  onlyKeys(value, ['type', 'item', 'assoc']) &&
  (value.type === undefined || isYjsId(value.type)) &&
  (value.item === undefined || isYjsId(value.item)) &&
  (value.assoc === undefined || isIntIn(value.assoc, -1, 1)) &&
  (value.type !== undefined || value.item !== undefined);

const copyPosition = (p: RelativePositionJson): RelativePositionJson => {
  const out: RelativePositionJson = {};
  if ('type' in p) out.type = p.type && { client: p.type.client, clock: p.type.clock };
  if ('item' in p) out.item = p.item && { client: p.item.client, clock: p.item.clock };
  if ('assoc' in p) out.assoc = p.assoc;
  return out;
};

/** `value` as a cursor (a fresh copy), or null when it is none or malformed. */
export const readPresenceCursor = (value: unknown): PresenceCursor | null => {
  if (!onlyKeys(value, ['card', 'field', 'anchor', 'head'])) return null;
  const { card, field, anchor, head } = value;
  if (typeof card !== 'string' || !ID.test(card)) return null;
  if (typeof field !== 'string' || field.length > MAX_FIELD_PATH_CHARS || !FIELD_PATH.test(field)) return null;
  if (!isRelativePosition(anchor) || !isRelativePosition(head)) return null;
  return { card, field, anchor: copyPosition(anchor), head: copyPosition(head) };
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
