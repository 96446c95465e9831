/**
 * The progress report for a given date: what was agreed, what was done, what slipped, by city and
 * theme — the document a city's international affairs office sends to its mayor a year later.
 * One model (this module) that every format renders: CSV, JSON, Word and the print page (PDF).
 * Only updates recorded up to the end of the date count, so a report for a past date says what
 * was known then.
 */
import { PROGRESS_STATUSES, ProgressStatus } from './constants.ts';
import { reportLabels } from './labels.ts';
import { commitmentProgress, isClosedStatus, updatesAsOf, type CommitmentProgress, type MilestoneProgress } from './progress.ts';
import type { Commitment, ProgressUpdate } from './types.ts';

export interface ReportInput {
  workshop: { id: string; title: string; hostCity: string | null; startDate: string | null; endDate: string | null };
  commitments: readonly Commitment[];
  updates: readonly ProgressUpdate[];
  /** yyyy-mm-dd: the report says where things stood at the end of this day. */
  date: string;
  /** BCP-47 tag of the report's language (its headings and fixed words); English by default. */
  lang?: string;
}

/** A milestone whose date passed before it was done, or that was reported delayed or moved later. */
export interface Slip {
  milestone: MilestoneProgress;
  overdue: boolean;
}

export interface ReportEntry {
  progress: CommitmentProgress;
  done: MilestoneProgress[];
  slipped: Slip[];
}

export type StatusCounts = Record<ProgressStatus, number>;

export interface ReportGroup {
  name: string;
  counts: StatusCounts;
  total: number;
}

export interface ProgressReport {
  workshop: ReportInput['workshop'];
  date: string;
  /** The report's language (one of REPORT_LANGS). */
  lang: string;
  entries: ReportEntry[];
  byCity: ReportGroup[];
  byTheme: ReportGroup[];
  totals: StatusCounts;
}

const zero = (): StatusCounts => Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, 0])) as StatusCounts;

const groupBy = (entries: readonly ReportEntry[], key: (c: Commitment) => string): ReportGroup[] => {
  const groups = new Map<string, ReportGroup>();
  for (const e of entries) {
    const name = key(e.progress.commitment);
    const g = groups.get(name) ?? { name, counts: zero(), total: 0 };
    g.counts[e.progress.status]++;
    g.total++;
    groups.set(name, g);
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
};

export const buildProgressReport = ({ workshop, commitments, updates, date, lang }: ReportInput): ProgressReport => {
  const known = updatesAsOf(updates, date);
  const entries = [...commitments]
    .sort((a, b) => a.theme.localeCompare(b.theme) || a.leadCity.localeCompare(b.leadCity) || a.title.localeCompare(b.title))
    .map((c): ReportEntry => {
      const progress = commitmentProgress(c, known);
      const done = progress.milestones.filter((m) => m.status === ProgressStatus.done);
      const slipped = progress.milestones
        .filter((m) => m.status !== ProgressStatus.done && m.status !== ProgressStatus.dropped)
        .map((m) => ({ milestone: m, overdue: m.dueDate !== null && m.dueDate < date }))
        .filter(
          (s) =>
            s.overdue ||
            s.milestone.status === ProgressStatus.delayed ||
            (s.milestone.moved && (s.milestone.dueDate ?? '') > (s.milestone.milestone.date ?? ''))
        );
      return { progress, done, slipped };
    });
  const totals = zero();
  for (const e of entries) totals[e.progress.status]++;
  return {
    workshop,
    date,
    lang: reportLabels(lang).lang,
    entries,
    byCity: groupBy(entries, (c) => c.leadCity),
    byTheme: groupBy(entries, (c) => c.theme),
    totals
  };
};

/** The report's file name: `<workshop> – progress <date>.<ext>`, safe on every file system. */
export const reportFileName = (title: string, date: string, extension: string): string =>
  `${title
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)} – progress ${date}.${extension}`;

export { isClosedStatus };
