/**
 * How a saved version's board is kept in the store: its snapshot as JSON, gzip-compressed. A
 * board keeps up to 200 versions (500 with named ones, persistence/store.ts VERSION_RETENTION), and
 * on Redis they live in memory: the seminar's board of 200 cards is 78 kB of JSON and 7.8 kB
 * gzipped at the best level (about 1 ms, against 0.7 ms and 8.1 kB at zlib's default), so a board
 * with 200 versions holds about 1.6 MB of them instead of 15.6 MB.
 *
 * Versions saved before were the JSON itself and read as they are: JSON text never starts with
 * gzip's two magic bytes. Compressing runs on zlib's threads, so a save does not hold the event loop.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { BoardSnapshot } from '@plenary/shared/schema';

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

/** gzip's first two bytes (RFC 1952): no JSON text starts with them. */
const GZIP_MAGIC = [0x1f, 0x8b] as const;

/**
 * The most a stored version may inflate to. Only the server writes versions, from a board held
 * under MAX_DOC_BYTES; this bounds a damaged or foreign value (a backup restored from elsewhere)
 * instead of inflating it without end.
 */
export const MAX_VERSION_JSON_BYTES = 256 * 1024 * 1024;

const decoder = new TextDecoder();

/** The bytes the store keeps for a version holding `snapshot`. */
export const encodeVersion = async (snapshot: BoardSnapshot): Promise<Uint8Array> =>
  gzip(JSON.stringify(snapshot), { level: zlib.constants.Z_BEST_COMPRESSION });

/** True for a version stored compressed (every version saved since versions were compressed). */
export const isCompressedVersion = (data: Uint8Array): boolean => data.length >= 2 && data[0] === GZIP_MAGIC[0] && data[1] === GZIP_MAGIC[1];

/** The snapshot a stored version holds, compressed or saved before versions were; refused past `maxJsonBytes` inflated. */
export const decodeVersion = async (data: Uint8Array, maxJsonBytes = MAX_VERSION_JSON_BYTES): Promise<BoardSnapshot> => {
  const json = isCompressedVersion(data) ? await gunzip(data, { maxOutputLength: maxJsonBytes }) : data;
  return JSON.parse(decoder.decode(json)) as BoardSnapshot;
};
