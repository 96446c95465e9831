/**
 * A saved version's board as the store keeps it (server/src/versions/version-bytes.ts): gzipped
 * JSON, read back whole in every script; a version saved as plain JSON before still reads; a
 * damaged value is an error, never a different board.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '@plenary/shared/schema';
import { gzipSync } from 'node:zlib';
import { decodeVersion, encodeVersion, isCompressedVersion } from '@plenary/server/versions/version-bytes.ts';
import { addManyCards } from '../../utils/realistic-cards.ts';

const boardOf = (cards: number) => {
  const doc = new Y.Doc();
  addManyCards(doc, cards);
  return readBoard(doc);
};

describe('version bytes', () => {
  it('keeps a board of 200 cards in a fifth of its JSON or less, and reads it back whole', async () => {
    const board = boardOf(200);
    const json = new TextEncoder().encode(JSON.stringify(board));
    const stored = await encodeVersion(board);
    expect(isCompressedVersion(stored)).toBe(true);
    expect(stored.length).toBeLessThan(json.length / 5);
    expect(await decodeVersion(stored)).toEqual(board);
  });

  it('reads a version saved as plain JSON before versions were compressed', async () => {
    const board = boardOf(12);
    const legacy = new TextEncoder().encode(JSON.stringify(board));
    expect(isCompressedVersion(legacy)).toBe(false);
    expect(await decodeVersion(legacy)).toEqual(board);
  });

  it('refuses a compressed version that would inflate past the bound instead of inflating it', async () => {
    // 4 MiB of JSON that gzip packs into a few KiB, read with a 64 KiB bound.
    const bomb = gzipSync(JSON.stringify({ cards: [' '.repeat(4 * 1024 * 1024)] }));
    expect(bomb.length).toBeLessThan(16 * 1024);
    const outcome = await decodeVersion(bomb, 64 * 1024).then(
      () => 'inflated',
      (err: Error) => err.message
    );
    expect(outcome).toMatch(/larger than|maxOutputLength|buffer/i);
  });

  it('refuses a damaged compressed version instead of reading part of it', async () => {
    const stored = await encodeVersion(boardOf(50));
    await expect(decodeVersion(stored.subarray(0, stored.length - 20))).rejects.toThrow();
  });
});
