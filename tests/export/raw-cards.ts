/**
 * Boards larger than the card helpers allow: cards written straight into the Y.Doc, field by field
 * in the stored layout (docs/SCHEMA.md), the way any y-websocket client can. Every card is valid
 * against the snapshot schema, so exports render all of them.
 */
import * as Y from 'yjs';
import { createId, getCardsMap, spreadOrderKeys } from '@plenary/shared/schema';

const text = (value: string): Y.Text => {
  const t = new Y.Text();
  t.insert(0, value);
  return t;
};

/** Adds `count` cards: every fourth an agreed action with an end date and a milestone, the rest ideas. */
export const writeRawCards = (doc: Y.Doc, count: number, from = 0): string[] => {
  const cards = getCardsMap(doc);
  const keys = spreadOrderKeys(count);
  const ids: string[] = [];
  doc.transact(() => {
    for (let n = 0; n < count; n++) {
      const i = from + n;
      const id = createId();
      const card = new Y.Map<unknown>();
      cards.set(id, card);
      card.set('id', id);
      card.set('createdAt', '2026-03-13T02:00:00.000Z');
      card.set('createdBy', 'Linh');
      card.set('authorCity', 'Hanoi');
      card.set('lang', 'en');
      card.set('translations', new Y.Map());
      if (i % 4 === 0) {
        card.set('kind', 'action');
        card.set('position', { lane: 'agreed', order: keys[n]! });
        card.set('title', text(`Action ${i}`));
        card.set('objective', text('Cleaner rivers through shared monitoring'));
        card.set('resources', text('USD 20,000 from each city'));
        card.set('responsibleOfficer', text('International affairs office'));
        card.set('leadCity', 'Hanoi');
        card.set('partnerCities', new Y.Map([['Seoul', true]]));
        card.set('startDate', '2026-04-01');
        card.set('endDate', '2026-12-31');
        card.set(
          'milestones',
          Y.Array.from([
            new Y.Map<unknown>([
              ['id', createId()],
              ['date', '2026-06-30'],
              ['text', text('Survey')]
            ])
          ])
        );
        card.set(
          'indicators',
          Y.Array.from([
            new Y.Map<unknown>([
              ['id', createId()],
              ['indicator', text('Tonnes recycled')],
              ['target', text('500 t')]
            ])
          ])
        );
        card.set('status', 'agreed');
      } else {
        card.set('kind', 'idea');
        card.set('position', { lane: 'ideas', order: keys[n]! });
        card.set('text', text(`Idea ${i}: a market of green products every Sunday`));
      }
      ids.push(id);
    }
  });
  return ids;
};
