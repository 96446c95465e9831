/**
 * axe-core (Deque, MPL-2.0) in a page of the built app: the WCAG 2.0–2.2 A and AA rules, run on
 * what the page shows now. Its source goes in through DevTools' evaluate, which the app's Content
 * Security Policy does not govern, so the product's policy stays as strict as it ships.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG levels a finding fails on; best-practice rules run beside them and are only reported. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;
const BEST_PRACTICE = 'best-practice';
/** Impacts that fail the check. */
export const BLOCKING = ['serious', 'critical'] as const;

export interface Finding {
  /** Where: page state, language and size. */
  where: string;
  rule: string;
  impact: string;
  help: string;
  /** WCAG (fails when serious or critical) or best practice (reported only). */
  wcag: boolean;
  targets: string[];
  /** axe's explanation for the first element (for contrast: the colours and the ratio). */
  detail: string;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  tags: string[];
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe on the page as it is now; returns every violation found, described. */
export const audit = async (page: Page, where: string): Promise<Finding[]> => {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    async ([tags]) => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, options: unknown): Promise<{ violations: unknown[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations;
    },
    [[...WCAG_TAGS, BEST_PRACTICE]] as const
  );
  return (violations as AxeViolation[]).map((v) => ({
    where,
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    wcag: v.tags.some((t) => (WCAG_TAGS as readonly string[]).includes(t)),
    targets: v.nodes.map((n) => n.target.flat(3).join(' ')).slice(0, 6),
    detail: (v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').trim()
  }));
};

export const isBlocking = (f: Finding): boolean => f.wcag && (BLOCKING as readonly string[]).includes(f.impact);

/** One line per finding: where, rule, impact, what it asks and the elements it found. */
export const describeFindings = (findings: Finding[]): string =>
  findings
    .map((f) => `${f.where}: ${f.rule} (${f.impact}${f.wcag ? '' : ', best practice'}) — ${f.help}\n    ${f.targets.join('\n    ')}\n    ${f.detail}`)
    .join('\n');
