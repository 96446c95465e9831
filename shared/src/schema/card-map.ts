import type * as Y from 'yjs';

/** A card in the board document: a Y.Map of its fields (docs/SCHEMA.md). */
export type CardMap = Y.Map<unknown>;
