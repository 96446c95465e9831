#!/usr/bin/env node
/**
 * Lists the message keys each interface language lacks (and keys English no longer has), so that
 * whoever adds English text knows what to translate:
 *
 *   node scripts/i18n-missing.mjs          # every language
 *   node scripts/i18n-missing.mjs ja km    # only these
 *
 * Exits with 1 when anything is missing. The unit test tests/unit/i18n/messages.test.ts checks the
 * same, plus placeholders and unused keys.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../web/src/lib/i18n/messages', import.meta.url));
const BASE = 'en';

const read = (locale) => {
  const keys = new Map();
  const folder = join(dir, locale);
  if (!existsSync(folder)) return keys;
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json'))) {
    const area = file.slice(0, -5);
    for (const [key, text] of Object.entries(JSON.parse(readFileSync(join(folder, file), 'utf8')))) keys.set(`${area}.${key}`, text);
  }
  return keys;
};

const base = read(BASE);
const wanted = process.argv.slice(2);
const locales = (wanted.length ? wanted : readdirSync(dir)).filter((l) => l !== BASE).sort();
let problems = 0;
for (const locale of locales) {
  const own = read(locale);
  const missing = [...base.keys()].filter((k) => !own.has(k));
  const stale = [...own.keys()].filter((k) => !base.has(k));
  problems += missing.length + stale.length;
  if (!missing.length && !stale.length) {
    console.log(`${locale}: complete (${own.size} keys)`);
    continue;
  }
  console.log(`${locale}: ${missing.length} missing, ${stale.length} not in English`);
  for (const key of missing) console.log(`  - ${key}  ${JSON.stringify(base.get(key))}`);
  for (const key of stale) console.log(`  ? ${key}`);
}
process.exit(problems ? 1 : 0);
