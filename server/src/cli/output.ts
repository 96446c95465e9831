/** How the operator CLI prints: aligned plain-text tables for people, JSON (`--json`) for scripts. */

/** 1536 → "1.5 KiB". */
export const formatBytes = (n: number): string => {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${n} B` : `${value.toFixed(1)} ${units[unit]}`;
};

/** An ISO instant as "2026-03-31 14:05 UTC (3 days ago)". */
export const formatWhen = (iso: string, now = Date.now()): string => {
  const days = Math.floor((now - Date.parse(iso)) / 86_400_000);
  const ago = days <= 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
  return `${iso.slice(0, 16).replace('T', ' ')} UTC (${ago})`;
};

/** Columns padded to their widest cell; numbers (right-aligned columns) by `right`. */
export const table = (headers: string[], rows: string[][], right: ReadonlySet<number> = new Set()): string => {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
};

export interface Output {
  readonly json: boolean;
  /** Prints `value` as JSON with --json, else the text `human()` returns. */
  result(value: unknown, human: () => string): void;
  /** A progress or warning line for people (stderr, so --json output stays parseable). */
  note(text: string): void;
}

export const createOutput = (json: boolean): Output => ({
  json,
  result(value, human) {
    process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
  },
  note(text) {
    process.stderr.write(`${text}\n`);
  }
});
