/**
 * Calendar dates of actions: ISO `yyyy-mm-dd` strings, checked for being real days, and the
 * problems a plan can have (end before start, milestones outside the range). Problems are flagged
 * for people to fix; the data is never dropped or changed because of them.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar day written as `yyyy-mm-dd` (2018-02-30 is not). */
export const isIsoDate = (value: string): boolean => {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
};

/** Kinds of date problem `dateProblems` reports. */
export const DateProblemCode = {
  endBeforeStart: 'end-before-start',
  milestoneBeforeStart: 'milestone-before-start',
  milestoneAfterEnd: 'milestone-after-end',
  invalidDate: 'invalid-date'
} as const;
export type DateProblemCode = (typeof DateProblemCode)[keyof typeof DateProblemCode];

/** One problem with the dates of an action, with the field path it concerns. */
export interface DateProblem {
  code: DateProblemCode;
  /** Field path inside the card, e.g. `endDate` or `milestones[2].date`. */
  path: string;
  message: string;
}

/** The date fields `dateProblems` reads; any card snapshot fits (non-actions have none). */
export interface DatedCard {
  kind: string;
  startDate?: string | null;
  endDate?: string | null;
  milestones?: readonly { date: string | null }[];
}

/**
 * Problems with an action's dates: end before start, a milestone before the start or after the
 * end, a date that is not a real `yyyy-mm-dd` day. Ideas and practices have none. ISO dates
 * compare correctly as strings, so no time zone is involved.
 */
export const dateProblems = (card: DatedCard): DateProblem[] => {
  if (card.kind !== 'action') return [];
  const problems: DateProblem[] = [];
  const valid = (value: string | null | undefined, path: string): string | null => {
    if (value == null || value === '') return null;
    if (isIsoDate(value)) return value;
    problems.push({ code: DateProblemCode.invalidDate, path, message: `${path} is not a yyyy-mm-dd date: ${value}` });
    return null;
  };
  const start = valid(card.startDate, 'startDate');
  const end = valid(card.endDate, 'endDate');
  if (start && end && end < start) {
    problems.push({ code: DateProblemCode.endBeforeStart, path: 'endDate', message: `ends ${end}, before it starts ${start}` });
  }
  (card.milestones ?? []).forEach((milestone, i) => {
    const path = `milestones[${i}].date`;
    const date = valid(milestone.date, path);
    if (!date) return;
    if (start && date < start) {
      problems.push({ code: DateProblemCode.milestoneBeforeStart, path, message: `milestone on ${date} is before the start ${start}` });
    }
    if (end && date > end) {
      problems.push({ code: DateProblemCode.milestoneAfterEnd, path, message: `milestone on ${date} is after the end ${end}` });
    }
  });
  return problems;
};
