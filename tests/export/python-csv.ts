/**
 * Reads CSV text with Python's csv module (a strict reader, the one data teams use), in a real
 * `python3` process. A machine without python3 fails the test that asks: it never skips.
 */
import { spawnSync } from 'node:child_process';

const READER = `
import csv, io, json, sys
text = io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8-sig', newline='')
json.dump(list(csv.reader(text, strict=True)), sys.stdout)
`;

/** Every record as Python's csv.reader returns it (header row included). */
export const readCsvWithPython = (csv: string): string[][] => {
  const run = spawnSync('python3', ['-c', READER], { input: Buffer.from(csv, 'utf8'), maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw new Error(`python3 is needed to check CSV exports with a strict reader: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`python3 could not read the CSV: ${run.stderr.toString()}`);
  return JSON.parse(run.stdout.toString()) as string[][];
};
