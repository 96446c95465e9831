/**
 * Reads the web app's message catalogue from disk (`web/src/lib/i18n/messages/<locale>/<area>.json`)
 * and the web sources that use it, for the completeness checks.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_SRC = fileURLToPath(new URL('../../../web/src', import.meta.url));
export const MESSAGES_DIR = join(WEB_SRC, 'lib/i18n/messages');

/** locale → (`area.key` → message) */
export const readCatalog = (): Map<string, Map<string, string>> => {
  const catalog = new Map<string, Map<string, string>>();
  for (const locale of readdirSync(MESSAGES_DIR).sort()) {
    const messages = new Map<string, string>();
    for (const file of readdirSync(join(MESSAGES_DIR, locale)).sort()) {
      if (!file.endsWith('.json')) continue;
      const area = file.slice(0, -'.json'.length);
      const parsed = JSON.parse(readFileSync(join(MESSAGES_DIR, locale, file), 'utf8')) as Record<string, unknown>;
      for (const [key, text] of Object.entries(parsed)) {
        if (typeof text !== 'string') throw new Error(`${locale}/${file}: ${key} is not a string`);
        messages.set(`${area}.${key}`, text);
      }
    }
    catalog.set(locale, messages);
  }
  return catalog;
};

const SOURCE_FILE = /\.(svelte|ts|js)$/;

/** Every source file of the web app except the catalogue itself. */
export const readSources = (dir = WEB_SRC): { path: string; text: string }[] => {
  const out: { path: string; text: string }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path === MESSAGES_DIR) continue;
    if (statSync(path).isDirectory()) out.push(...readSources(path));
    else if (SOURCE_FILE.test(name)) out.push({ path, text: readFileSync(path, 'utf8') });
  }
  return out;
};

/**
 * What the sources reference: every `'area.key'` string literal (in a `t()` call or in a table of
 * keys), and the fixed start of every template-literal key (`board.status.${status}` → prefix
 * `board.status.`), which makes every key with that prefix used.
 */
export const referencedKeys = (sources: { text: string }[], areas: readonly string[]): { literals: Set<string>; prefixes: Set<string> } => {
  const literals = new Set<string>();
  const prefixes = new Set<string>();
  const area = areas.map((a) => a.replace(/[^\w-]/g, '')).join('|');
  // Quoted strings only: a key in backticks without `${` is in a comment or doc text.
  const literal = new RegExp(`(['"])((?:${area})\\.[\\w.-]+)\\1`, 'g');
  const template = new RegExp(`\`((?:${area})\\.[\\w.-]*)\\$\\{`, 'g');
  for (const { text } of sources) {
    for (const match of text.matchAll(literal)) literals.add(match[2]!);
    for (const match of text.matchAll(template)) prefixes.add(match[1]!);
  }
  return { literals, prefixes };
};
