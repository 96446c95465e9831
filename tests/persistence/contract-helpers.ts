/** Helpers the store contract files share: documents, updates and fresh names. */
import * as Y from 'yjs';
import type { Store, VersionEntry } from '@plenary/server/persistence/store.ts';

/** Records every update a document emits, as a client's edits would reach the server. */
export const recordUpdates = (doc: Y.Doc): Uint8Array[] => {
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return updates;
};

export const docFrom = (updates: Uint8Array[]): Y.Doc => {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
};

export const load = async (store: Store, name: string) => {
  const stored = await store.loadDoc(name);
  if (!stored) throw new Error(`${name} was not stored`);
  return stored;
};

/** The board-like content of the compaction test (typed access: toJSON() of a fresh doc is empty). */
export const contentOf = (doc: Y.Doc) => ({ notes: doc.getText('notes').toString(), cards: doc.getMap('cards').toJSON() });

/** A small valid Yjs update (compaction folds real updates, never arbitrary bytes). */
export const smallUpdate = (value: string): Uint8Array => {
  const doc = new Y.Doc();
  doc.getMap('m').set('k', value);
  return Y.encodeStateAsUpdate(doc);
};

let docCounter = 0;
export const newDocName = (label: string) => `contract-${label}-${++docCounter}-${Date.now().toString(36)}`;

/** A version entry as the versions service writes it. */
export const entry = (id: string, auto: boolean, meta = '{}'): VersionEntry => ({ id, createdAt: new Date().toISOString(), auto, meta });
export const bytes = (text: string) => new TextEncoder().encode(text);
