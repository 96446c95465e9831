/**
 * Which card, and which of its text fields, a `Y.Text` is: the words a presence uses to say where
 * someone is typing (protocol/presence.ts). The path names each step from the card down: a key of
 * a map, or the `id` of a list item (`text`, `objective`, `milestones/<id>/text`,
 * `translations/<lang>/title`), so it stays right when items are added or moved.
 */
import * as Y from 'yjs';
import { getCardsMap } from './doc-layout.ts';

/** A text field's place in the board: its card and its path inside the card. */
export interface TextLocation {
  card: string;
  field: string;
}

/** Where `text` sits in its board, or null when it is not (yet) inside a card. */
export const textLocation = (text: Y.Text): TextLocation | null => {
  const doc = text.doc;
  if (!doc) return null;
  const cards = getCardsMap(doc);
  const steps: string[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: any shared type on the way up (Yjs types its event handlers per type)
  let type: Y.AbstractType<any> = text;
  for (;;) {
    const item = type._item;
    if (!item) return null;
    // biome-ignore lint/suspicious/noExplicitAny: as above
    const parent = item.parent as Y.AbstractType<any>;
    if (item.parentSub !== null) steps.push(item.parentSub);
    else {
      // A list item: named by its id, not its index, which moves when others add or remove items.
      const id = type instanceof Y.Map ? type.get('id') : undefined;
      if (typeof id !== 'string') return null;
      steps.push(id);
    }
    if (parent === cards) {
      const card = steps.pop()!;
      return steps.length > 0 ? { card, field: steps.reverse().join('/') } : null;
    }
    type = parent;
  }
};
