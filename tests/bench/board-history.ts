/**
 * A long board history for the cold-load figure: delegates of 16 cities add idea cards and type
 * into them one character at a time (with the odd backspace and cursor jump), every keystroke its
 * own Yjs update, as the web app sends them. Seeded, so every run stores the same history.
 */
import * as Y from 'yjs';
import { addCard, getCardText } from '@plenary/shared/schema';

const AUTHORS = 16;
const EDITS_PER_CARD = 500;
const Chance = { backspace: 0.03, jump: 0.01 } as const;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz      ,.';

/** mulberry32: a small seeded generator, so the history is the same on every run. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

export interface BoardHistory {
  /** One update per edit, in the order they were made. */
  updates: Uint8Array[];
  /** The document after every edit (what a client must see after loading). */
  doc: Y.Doc;
}

export const generateHistory = (edits: number): BoardHistory => {
  const random = seeded(20_240_917);
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const authorIds = Array.from({ length: AUTHORS }, (_, i) => 1_000_000 + i * 7_919);

  let card = '';
  let cursor = 0;
  let cardNo = 0;
  while (updates.length < edits) {
    if (updates.length % EDITS_PER_CARD === 0) {
      // A new card, written by the next city's delegate.
      doc.clientID = authorIds[cardNo % AUTHORS]!;
      card = addCard(doc, { kind: 'idea', createdBy: `Delegate ${cardNo % AUTHORS}`, authorCity: `City ${cardNo % AUTHORS}`, lang: 'en' });
      cardNo++;
      cursor = 0;
      continue;
    }
    const text = getCardText(doc, card, 'text');
    const r = random();
    if (r < Chance.jump && text.length > 0) {
      cursor = Math.floor(random() * (text.length + 1));
    }
    if (r > 1 - Chance.backspace && cursor > 0) {
      text.delete(cursor - 1, 1);
      cursor--;
    } else {
      text.insert(cursor, ALPHABET[Math.floor(random() * ALPHABET.length)]!);
      cursor++;
    }
  }
  return { updates, doc };
};

/** JSON with object keys sorted, so that two equal boards compare equal whatever order their maps were filled in. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1))) : v
  );

/** Why two boards differ (card counts and the first card that differs); null when they are equal. */
export const describeDifference = (expected: Y.Doc, actual: Y.Doc): string | null => {
  const a = expected.getMap('cards').toJSON() as Record<string, unknown>;
  const b = actual.getMap('cards').toJSON() as Record<string, unknown>;
  const ids = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const id of ids) {
    const x = canonical(a[id]);
    const y = canonical(b[id]);
    if (x !== y) {
      let i = 0;
      while (i < Math.min(x?.length ?? 0, y?.length ?? 0) && x![i] === y![i]) i++;
      return (
        `${Object.keys(a).length} cards expected, ${Object.keys(b).length} received; card ${id} differs at ${i}: ` +
        `expected …${x?.slice(Math.max(0, i - 20), i + 40)}… received …${y?.slice(Math.max(0, i - 20), i + 40)}…`
      );
    }
  }
  return null;
};

/**
 * A board of 200 cards edited at random: 16 delegates insert characters at random places in
 * random cards (one in ten edits a deletion), every edit its own update. Nothing runs together
 * as typing does, so the state stays large (about 1.2 MB for 100,000 edits): the heavy case for
 * loading and applying a board. Seeded, so every run stores the same history.
 */
export const generateScatteredHistory = (edits: number): BoardHistory => {
  const CARDS = 200;
  const random = seeded(20_261_202);
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const authorIds = Array.from({ length: AUTHORS }, (_, i) => 1_000_000 + i * 7_919);
  const cards: string[] = [];
  const cardEvery = Math.max(1, Math.floor(edits / CARDS));
  while (updates.length < edits) {
    if (cards.length < CARDS && updates.length % cardEvery === 0) {
      const author = cards.length % AUTHORS;
      doc.clientID = authorIds[author]!;
      cards.push(addCard(doc, { kind: 'idea', createdBy: `Delegate ${author}`, authorCity: `City ${author}`, lang: 'en' }));
      continue;
    }
    doc.clientID = authorIds[Math.floor(random() * AUTHORS)]!;
    const text = getCardText(doc, cards[Math.floor(random() * cards.length)]!, 'text');
    if (random() < 0.1 && text.length > 0) text.delete(Math.floor(random() * text.length), 1);
    else text.insert(Math.floor(random() * (text.length + 1)), ALPHABET[Math.floor(random() * ALPHABET.length)]!);
  }
  return { updates, doc };
};
