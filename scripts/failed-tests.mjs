/**
 * Prints, last in a test run's output, every test that failed in the JSON reports the run wrote
 * (Vitest's `json` reporter, one file per run): its file, its name and the first lines of its
 * error. The lanes' outputs interleave and a long run's output is often read from its tail, so
 * this is where the failures can always be found.
 * Usage: node scripts/failed-tests.mjs <report.json>...
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

const ERROR_LINES = 6;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.log(`failed-tests: no report at ${file} (that run ended before writing it)`);
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  for (const suite of report.testResults ?? []) {
    const where = relative(process.cwd(), suite.name);
    const tests = (suite.assertionResults ?? []).filter((t) => t.status === 'failed');
    // A file that failed before any test ran (an import, a hook) has no failed test of its own.
    if (tests.length === 0 && suite.status === 'failed') {
      failed++;
      console.log(`FAILED ${where}\n  ${(suite.message ?? '').split('\n').slice(0, ERROR_LINES).join('\n  ')}`);
    }
    for (const t of tests) {
      failed++;
      const error = (t.failureMessages ?? []).join('\n').split('\n').slice(0, ERROR_LINES).join('\n  ');
      console.log(`FAILED ${where} > ${t.fullName ?? t.title}\n  ${error}`);
    }
  }
}
console.log(failed === 0 ? 'failed-tests: none' : `failed-tests: ${failed} failed (listed above)`);
