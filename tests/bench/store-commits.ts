/**
 * How long the embedded store's commits hold the event loop, under the fan-out bench's write
 * pattern: 16 boards, each appending one real edit per tick of the write clock (20 ms), all
 * committed in one transaction per tick; each board's log folded into its snapshot every 500
 * entries, as the server does. Prints the commits' percentiles and how many took over 5 ms
 * (docs/PERFORMANCE.md, "Checkpoints off the event loop"). Measured apart, not part of `pnpm bench`:
 *
 *   cd tests && node --import tsx bench/store-commits.ts    (BENCH_COMMIT_SECONDS, default 20)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { SqliteStore } from '@plenary/server/persistence/sqlite-store.ts';

const BOARDS = 16;
const TICK_MS = 20;
const COMPACT_AFTER_ENTRIES = 500;
const seconds = Number(process.env.BENCH_COMMIT_SECONDS ?? 20);

const dir = mkdtempSync(path.join(tmpdir(), 'plenary-store-commits-'));
const store = new SqliteStore({ dataDir: dir });
const boards = Array.from({ length: BOARDS }, (_, i) => ({ name: `board-${i}`, doc: new Y.Doc(), compacting: false }));
/** One person's typing: a few letters inserted into the board's text. */
const edit = (doc: Y.Doc): Uint8Array => {
  const before = Y.encodeStateVector(doc);
  doc.getText('notes').insert(0, 'a few letters');
  return Y.encodeStateAsUpdate(doc, before);
};

const commits: number[] = [];
const appends: Promise<unknown>[] = [];
const compactions: Promise<unknown>[] = [];
for (let tick = 0; tick < (seconds * 1000) / TICK_MS; tick++) {
  await new Promise((r) => setTimeout(r, TICK_MS));
  for (const b of boards) {
    appends.push(
      store.appendUpdates(b.name, [edit(b.doc)]).then(({ logLength }) => {
        if (logLength < COMPACT_AFTER_ENTRIES || b.compacting) return;
        b.compacting = true;
        compactions.push(store.compact(b.name).finally(() => (b.compacting = false)));
      })
    );
  }
  // The store commits this tick's appends on the next turn; the turn after it ends that commit.
  const queued = performance.now();
  setImmediate(() => commits.push(performance.now() - queued));
}
await Promise.all(appends);
await Promise.allSettled(compactions);
await store.close();
rmSync(dir, { recursive: true, force: true });

commits.sort((a, b) => a - b);
const at = (q: number) => commits[Math.floor(q * (commits.length - 1))]!.toFixed(2);
console.log(
  `${commits.length} commits of ${BOARDS} boards' appends: p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms; over 5 ms: ${commits.filter((c) => c > 5).length}`
);
