/**
 * What one board keeps in Redis's memory, for the capacity sizing in docs/SCALING.md: a board of
 * 200 of the seminar's realistic cards, written by a real client to a real server on the Redis
 * store, with VERSIONS versions saved through the API; then the server stopped cleanly (which
 * folds the board's log into its snapshot) and Redis asked `MEMORY USAGE` of each of the board's
 * keys. Beside the stored versions, the same versions as the plain JSON they were stored as before
 * versions were compressed (server/src/versions/version-bytes.ts), from the API's own answer.
 * Figures, no target: the sizing multiplies them out.
 */
import { createClient } from 'redis';
import { createRedisKeys } from '@plenary/server/persistence/redis-keys.ts';
import { VERSION_RETENTION } from '@plenary/server/persistence/store.ts';
import { call } from '../utils/http.ts';
import { seedBenchBoard } from '../utils/realistic-cards.ts';
import { startServer, type PlenaryServer } from '../utils/server.ts';
import { compileServer } from './processes.ts';
import { deleteKeys, uniqueKeyPrefix } from './redis-keys.ts';

const CARDS = 200;
const VERSIONS = 20;

export interface StoredSizeFigures {
  cards: number;
  versions: number;
  /** Redis's MEMORY USAGE of the board's snapshot hash (the folded board), bytes. */
  snapshotMemory: number;
  /** Of the hash of the versions' contents, bytes, per version. */
  versionMemoryEach: number;
  /** Of the versions' list, entries and automatic set together, per version. */
  versionIndexMemoryEach: number;
  /** One version's stored bytes (the compressed JSON). */
  versionStoredBytes: number;
  /** The same version as plain JSON, as stored before versions were compressed. */
  versionJsonBytes: number;
  /** A board with VERSION_RETENTION.keep versions: its snapshot and versions, bytes of Redis memory. */
  boardAtRetention: number;
  /** The same with its versions kept as plain JSON (the value's bytes only, without Redis's own per-field overhead). */
  boardAtRetentionUncompressed: number;
}

export const benchStoredSize = async ({ log }: { log: (line: string) => void }): Promise<StoredSizeFigures> => {
  compileServer();
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const prefix = uniqueKeyPrefix();
  const redis = createClient({ url: redisUrl });
  redis.on('error', () => undefined);
  let server: PlenaryServer | null = null;
  try {
    server = await startServer({ env: { REDIS_URL: redisUrl, KEY_PREFIX: prefix } });
    const { workshop, board } = await seedBenchBoard(server, 'Bench: stored size', CARDS);
    const ids: string[] = [];
    for (let i = 0; i < VERSIONS; i++) {
      const saved = await call<{ version: { id: string } }>(server, 'POST', `/api/boards/${board.id}/versions`, workshop.tokens.facilitator, {
        label: `Session ${i + 1}`
      });
      if (saved.status !== 201) throw new Error(`saving a version answered ${saved.status}`);
      ids.push(saved.body.version.id);
    }
    const opened = await call<{ snapshot: unknown }>(server, 'GET', `/api/boards/${board.id}/versions/${ids[0]}`, workshop.tokens.facilitator);
    const versionJsonBytes = Buffer.byteLength(JSON.stringify(opened.body.snapshot));
    await server.kill('SIGTERM');

    await redis.connect();
    const keys = createRedisKeys(prefix).doc(board.id);
    const memory = async (key: string) => Number((await redis.sendCommand(['MEMORY', 'USAGE', key, 'SAMPLES', '0'])) ?? 0);
    const snapshotMemory = await memory(keys.snapshot);
    const versionMemory = await memory(keys.versionData);
    const indexMemory = (await memory(keys.versions)) + (await memory(keys.versionEntries)) + (await memory(keys.versionAuto));
    const versionStoredBytes = Number(await redis.sendCommand(['HSTRLEN', keys.versionData, ids[0]!]));
    const keep = VERSION_RETENTION.keep;
    const each = (n: number) => Math.round(n / VERSIONS);
    const figures: StoredSizeFigures = {
      cards: CARDS,
      versions: VERSIONS,
      snapshotMemory,
      versionMemoryEach: each(versionMemory),
      versionIndexMemoryEach: each(indexMemory),
      versionStoredBytes,
      versionJsonBytes,
      boardAtRetention: snapshotMemory + keep * (each(versionMemory) + each(indexMemory)),
      boardAtRetentionUncompressed: snapshotMemory + keep * (versionJsonBytes + each(indexMemory))
    };
    log(
      `  ${CARDS} cards, ${VERSIONS} versions: snapshot ${kib(snapshotMemory)} of Redis memory; a version ${kib(versionStoredBytes)} stored ` +
        `(${kib(versionJsonBytes)} as plain JSON), ${kib(figures.versionMemoryEach)} of memory with Redis's own overhead`
    );
    return figures;
  } finally {
    await server?.close();
    if (redis.isOpen) await redis.close();
    await deleteKeys(redisUrl, prefix);
  }
};

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export const storedSizeText = (f: StoredSizeFigures): string =>
  [
    `  board snapshot (${f.cards} cards, log folded): ${kib(f.snapshotMemory)} of Redis memory`,
    `  one version: ${kib(f.versionStoredBytes)} stored, ${kib(f.versionJsonBytes)} as plain JSON (${(f.versionJsonBytes / f.versionStoredBytes).toFixed(1)}×); ` +
      `${kib(f.versionMemoryEach)} of memory per version with Redis's overhead, ${kib(f.versionIndexMemoryEach)} for its entry in the version lists`,
    `  a board with ${VERSION_RETENTION.keep} versions (the retention): ${(f.boardAtRetention / 1024 / 1024).toFixed(2)} MiB of Redis memory ` +
      `(${(f.boardAtRetentionUncompressed / 1024 / 1024).toFixed(2)} MiB with versions as plain JSON)`
  ].join('\n');
