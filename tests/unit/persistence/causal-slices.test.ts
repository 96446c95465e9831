/**
 * A large board's snapshot cut into causal slices (server/src/persistence/causal-slices.ts): each
 * slice must apply completely after the ones before it — nothing left pending in Yjs, which would
 * cost the device more than the slices save — and together they must be the board exactly. Boards
 * here are written by several writers concurrently (so edits name other writers' edits), with
 * every content kind a board can hold, and cut into small slices so that each is cut many times.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { causalSlices } from '@plenary/server/persistence/causal-slices.ts';
import { packSnapshot, unpackSnapshot } from '@plenary/server/persistence/snapshot-parts.ts';

const SMALL = { first: 256, most: 1024 };

/**
 * Writers editing their own copies and exchanging what they wrote now and then, as devices on a
 * board do; `formatting` adds bold marks to card texts.
 */
const concurrentBoard = (seed: number, rounds = 40, formatting = false): Y.Doc => {
  const gen = prng.create(seed);
  const writers = Array.from({ length: 4 }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = 1_000 + i * 17 + seed;
    return doc;
  });
  const exchange = () => {
    for (const a of writers) for (const b of writers) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  };
  for (let round = 0; round < rounds; round++) {
    for (const doc of writers) {
      const cards = doc.getMap<Y.Map<unknown>>('cards');
      const order = doc.getArray<string>('order');
      const steps = prng.uint32(gen, 1, 6);
      for (let s = 0; s < steps; s++) {
        const ids = [...cards.keys()];
        const pick = prng.uint32(gen, 0, 9);
        if (pick === 0 || ids.length === 0) {
          const id = `c${round}-${doc.clientID}-${s}`;
          const card = new Y.Map<unknown>();
          cards.set(id, card);
          card.set('text', new Y.Text(prng.word(gen, 1, 8)));
          card.set('kind', 'idea');
          card.set('position', { x: prng.uint32(gen, 0, 900), y: prng.uint32(gen, 0, 600) });
          order.insert(prng.uint32(gen, 0, order.length), [id]);
        } else {
          const card = cards.get(prng.oneOf(gen, ids))!;
          const text = card.get('text') as Y.Text;
          if (pick < 5) text.insert(prng.uint32(gen, 0, text.length), prng.oneOf(gen, ['ข', '市', '한', 'é', '🙂', 'ក', 'ᠮ', 'a b']));
          else if (pick < 7 && text.length > 1) text.delete(prng.uint32(gen, 0, text.length - 1), 1);
          else if (pick === 7 && formatting) text.format(0, Math.min(2, text.length), { bold: true });
          else if (pick === 8) card.set('votes', prng.uint32(gen, 0, 30));
          else if (order.length > 2) order.delete(prng.uint32(gen, 0, order.length - 1), 1);
        }
      }
    }
    if (round % 3 === 2) exchange();
  }
  exchange();
  // The rarer kinds: an embed, binary content, an XML element with an attribute, a subdocument.
  const last = writers[0]!;
  last.getText('notes').insertEmbed(0, { image: 'map.png' });
  last.getArray('files').insert(0, [Uint8Array.from([1, 2, 3])]);
  const element = new Y.XmlElement('p');
  last.getXmlFragment('minutes').insert(0, [element]);
  element.setAttribute('lang', 'th');
  element.insert(0, [new Y.XmlText('สวัสดี')]);
  last.getMap('docs').set('annex', new Y.Doc());
  return last;
};

/** Applies the slices in order to a fresh document, checking that nothing is left pending after each. */
const applyInOrder = (slices: Uint8Array[]): Y.Doc => {
  const doc = new Y.Doc();
  slices.forEach((slice, i) => {
    Y.applyUpdate(doc, slice);
    expect({ slice: i, pending: doc.store.pendingStructs !== null || doc.store.pendingDs !== null }).toEqual({ slice: i, pending: false });
  });
  return doc;
};

describe('causal slices of a snapshot', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`cuts a board written concurrently by four writers into slices that each apply with nothing pending, into the same bytes (seed ${seed})`, () => {
      const board = concurrentBoard(seed);
      const state = Y.encodeStateAsUpdate(board);
      const slices = causalSlices(state, SMALL);
      expect(slices.length).toBeGreaterThan(5);
      const joined = applyInOrder(slices);
      expect(Buffer.from(Y.encodeStateAsUpdate(joined)).equals(Buffer.from(state))).toBe(true);
      expect(joined.getMap('cards').toJSON()).toEqual(board.getMap('cards').toJSON());
      expect(joined.getXmlFragment('minutes').toString()).toBe(board.getXmlFragment('minutes').toString());
    });
  }

  it('keeps a board with formatted text whole: Yjs tidies marks after each update, and on part of a board one can look redundant that the rest needs', () => {
    const state = Y.encodeStateAsUpdate(concurrentBoard(11, 40, true));
    expect(state.length).toBeGreaterThan(4 * SMALL.most);
    expect(causalSlices(state, SMALL)).toEqual([state]);
  });

  it('makes the first slice small and the later ones larger, up to the most', () => {
    const state = Y.encodeStateAsUpdate(concurrentBoard(6, 80));
    const sizes = causalSlices(state, SMALL).map((s) => s.length);
    // A slice holds whole edits, with a few bytes of header per writer: over its size by at most an edit.
    expect(sizes[0]).toBeLessThan(SMALL.first + 200);
    expect(sizes[1]).toBeGreaterThan(SMALL.first);
    expect(Math.max(...sizes.slice(0, -1))).toBeLessThan(SMALL.most + 200);
  });

  it('keeps a board under twice the most whole', () => {
    const state = Y.encodeStateAsUpdate(concurrentBoard(7, 3));
    expect(state.length).toBeLessThan(2 * 4096);
    expect(causalSlices(state, { first: 1024, most: 4096 })).toEqual([state]);
  });

  it('keeps whole an update with a gap in a writer’s clocks (a merged log), which no slice could apply', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 400; i++) doc.getText('notes').insert(0, 'edit ');
    // Every edit but the first: the first is missing, so the rest cannot apply on their own.
    const gapped = Y.mergeUpdates(updates.slice(1));
    expect(causalSlices(gapped, SMALL)).toEqual([gapped]);
  });
});

describe('causal slices of bytes that are not a whole update', () => {
  it('keeps whole bytes whose text claims to run on for petabytes past their end', () => {
    const doc = new Y.Doc();
    doc.getText('notes').insert(0, 'Joint tourism fair in both cities');
    const state = Y.encodeStateAsUpdate(doc);
    const text = new TextEncoder().encode('Joint tourism fair in both cities');
    const at = Buffer.from(state).indexOf(Buffer.from(text));
    expect(state[at - 1]).toBe(text.length);
    // The text's length, a one-byte varuint, made 2^48 or so.
    const claimed = Uint8Array.from([...state.subarray(0, at - 1), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x3f, ...state.subarray(at)]);
    // Without the check the walk over the claimed bytes does not end within the test's time.
    expect(causalSlices(claimed, { first: 4, most: 8 })).toEqual([claimed]);
  });

  it('keeps whole, without throwing, bytes that end inside an edit', () => {
    const state = Y.encodeStateAsUpdate(concurrentBoard(10));
    for (const cut of [state.subarray(0, Math.floor(state.length / 2)), state.subarray(0, state.length - 3)]) {
      expect(causalSlices(cut, SMALL)).toEqual([cut]);
    }
  });
});

describe('a snapshot stored in parts', () => {
  it('packs slices into one value and unpacks them as they were', () => {
    const slices = causalSlices(Y.encodeStateAsUpdate(concurrentBoard(8)), SMALL);
    const unpacked = unpackSnapshot(packSnapshot(slices));
    expect(unpacked.map((p) => Buffer.from(p).toString('hex'))).toEqual(slices.map((p) => Buffer.from(p).toString('hex')));
  });

  it('reads a snapshot kept whole (every snapshot written before slices) as one part', () => {
    for (const state of [Y.encodeStateAsUpdate(concurrentBoard(9)), Y.encodeStateAsUpdate(new Y.Doc())]) {
      expect(packSnapshot([state])).toBe(state);
      expect(unpackSnapshot(state)).toEqual([state]);
    }
  });

  it('reads a value that starts like parts but whose lengths do not add up as one part', () => {
    const packed = packSnapshot([Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5)]);
    const cut = packed.subarray(0, packed.length - 1);
    expect(unpackSnapshot(cut)).toEqual([cut]);
  });
});
