/**
 * Writes a brotli (.br) and a gzip (.gz) copy next to every text file of the built web app, once,
 * at build time at the highest levels, so the server sends compressed files without compressing
 * on each request (server/src/http/web.ts picks the copy the browser accepts). Files that are
 * already compressed (fonts, images) are left alone, and so is a copy that would not be smaller.
 *
 * Usage: node scripts/compress-web.mjs [dir]   (default web/build)
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = /\.(js|mjs|css|html|json|svg|webmanifest|txt|xml|map)$/;
/** Below this a compressed copy saves a few dozen bytes at most. */
const MIN_BYTES = 256;

const dir = path.resolve(process.argv[2] ?? 'web/build');

const walk = (folder) =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });

let files = 0;
let before = 0;
let after = 0;
for (const file of walk(dir)) {
  if (!TEXT.test(file) || statSync(file).size < MIN_BYTES) continue;
  const data = readFileSync(file);
  const br = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: data.length }
  });
  const gz = gzipSync(data, { level: constants.Z_BEST_COMPRESSION });
  if (br.length < data.length) writeFileSync(`${file}.br`, br);
  if (gz.length < data.length) writeFileSync(`${file}.gz`, gz);
  files += 1;
  before += data.length;
  after += br.length;
}
console.log(`compress-web: ${files} files, ${(before / 1024).toFixed(0)} KiB → ${(after / 1024).toFixed(0)} KiB brotli`);
