/** Shared set-up for the schema tests: boards, people and the exchange of updates between two docs. */
import * as Y from 'yjs';
import { BoardSchemaError, createBoardDoc, type CardInput } from '@plenary/shared/schema';
import { workshopSeed } from '@plenary/shared/seed';

/** A new, initialised board for the first seed theme. */
export const newBoard = (): Y.Doc => {
  const theme = workshopSeed.themes[0]!;
  return createBoardDoc({ workshopId: 'ws-test', boardId: `board-${theme.key}`, theme: theme.key, title: theme.en });
};

/** Two replicas of one board, as two browsers would hold it after their first sync. */
export const twoReplicas = (): [Y.Doc, Y.Doc] => {
  const a = newBoard();
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return [a, b];
};

/** Exchanges what each doc lacks, both ways, as the sync protocol would after a reconnect. */
export const exchange = (a: Y.Doc, b: Y.Doc): void => {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
};

/** An idea card written by a Bangkok delegate in Thai (seed-like text). */
export const thaiIdea = (text = 'ลดขยะพลาสติกในตลาดสด'): CardInput => ({
  kind: 'idea',
  createdBy: 'Somchai',
  authorCity: 'Bangkok',
  lang: 'th',
  text
});

/** An idea card written by a Chengdu delegate in Chinese. */
export const chineseIdea = (text = '城市垃圾分类经验交流'): CardInput => ({
  kind: 'idea',
  createdBy: 'Li Wei',
  authorCity: 'Chengdu',
  lang: 'zh',
  text
});

/** Runs `fn`, expecting the schema helpers to refuse it; returns the error for its code and paths. */
export const refusal = (fn: () => unknown): BoardSchemaError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof BoardSchemaError) return error;
    throw error;
  }
  throw new Error('expected a BoardSchemaError, but the change was accepted');
};
