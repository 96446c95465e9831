/**
 * Where each commitment stands, from its updates: pure functions that the outcomes page, the
 * calendar feed and the progress report share, so they never disagree. The latest progress update
 * on an item decides its status; nothing is ever overwritten, so the same functions with updates
 * up to a date answer "where did it stand then".
 */
import { ProgressItem, ProgressStatus, UpdateKind } from './constants.ts';
import type { Commitment, CommitmentIndicator, CommitmentMilestone, ProgressUpdate } from './types.ts';

/** Statuses that end an item: it is no longer due. */
const CLOSED: readonly ProgressStatus[] = [ProgressStatus.done, ProgressStatus.dropped];
export const isClosedStatus = (status: ProgressStatus): boolean => CLOSED.includes(status);

export interface ItemProgress {
  status: ProgressStatus;
  percent: number | null;
  /** The latest progress update on the item, if any. */
  latest: ProgressUpdate | null;
}

export interface MilestoneProgress extends ItemProgress {
  milestone: CommitmentMilestone;
  /** The date it is expected now: moved by the lead city, else the agreed one. */
  dueDate: string | null;
  /** True when the lead city moved it away from the agreed date. */
  moved: boolean;
}

export interface IndicatorProgress extends ItemProgress {
  indicator: CommitmentIndicator;
  /** The value reached so far, as last reported. */
  value: string | null;
}

export interface CommitmentProgress {
  commitment: Commitment;
  status: ProgressStatus;
  percent: number | null;
  milestones: MilestoneProgress[];
  indicators: IndicatorProgress[];
  /** Every update on the commitment, newest first. */
  updates: ProgressUpdate[];
}

const NONE: ItemProgress = { status: ProgressStatus.notStarted, percent: null, latest: null };

/** Updates recorded up to the end of `date` (yyyy-mm-dd, UTC). */
export const updatesAsOf = (updates: readonly ProgressUpdate[], date: string): ProgressUpdate[] => updates.filter((u) => u.at.slice(0, 10) <= date);

const latestProgress = (updates: readonly ProgressUpdate[], item: ProgressItem, itemId?: string): ProgressUpdate | null => {
  let latest: ProgressUpdate | null = null;
  for (const u of updates) {
    if (u.kind !== UpdateKind.progress || u.item !== item || (itemId !== undefined && u.itemId !== itemId)) continue;
    if (!latest || u.at >= latest.at) latest = u;
  }
  return latest;
};

const itemOf = (latest: ProgressUpdate | null): ItemProgress =>
  latest
    ? { status: latest.status ?? ProgressStatus.notStarted, percent: latest.status === ProgressStatus.done ? 100 : (latest.percent ?? null), latest }
    : NONE;

/** A status for the whole commitment from its items when the lead city gave none for it. */
const rollUp = (items: readonly ItemProgress[]): ProgressStatus => {
  const open = items.filter((i) => i.status !== ProgressStatus.dropped);
  if (items.length > 0 && open.length === 0) return ProgressStatus.dropped;
  if (open.length > 0 && open.every((i) => i.status === ProgressStatus.done)) return ProgressStatus.done;
  if (open.some((i) => i.status === ProgressStatus.delayed)) return ProgressStatus.delayed;
  if (open.some((i) => i.status !== ProgressStatus.notStarted)) return ProgressStatus.onTrack;
  return ProgressStatus.notStarted;
};

/** Where one commitment stands given its updates (any order; others' updates are ignored). */
export const commitmentProgress = (commitment: Commitment, all: readonly ProgressUpdate[]): CommitmentProgress => {
  const updates = all.filter((u) => u.commitmentId === commitment.id).sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
  const milestones = commitment.milestones.map((milestone): MilestoneProgress => {
    const item = itemOf(latestProgress(updates, ProgressItem.milestone, milestone.id));
    // The latest update that moved the date counts, even if a later one only changed the status.
    const moved = updates.find((u) => u.kind === UpdateKind.progress && u.item === ProgressItem.milestone && u.itemId === milestone.id && u.dueDate);
    const dueDate = moved?.dueDate ?? milestone.date;
    return { ...item, milestone, dueDate, moved: dueDate !== milestone.date };
  });
  const indicators = commitment.indicators.map((indicator): IndicatorProgress => {
    const item = itemOf(latestProgress(updates, ProgressItem.indicator, indicator.id));
    const valued = updates.find((u) => u.kind === UpdateKind.progress && u.item === ProgressItem.indicator && u.itemId === indicator.id && u.value);
    return { ...item, indicator, value: valued?.value ?? null };
  });
  const own = itemOf(latestProgress(updates, ProgressItem.commitment));
  const items = [...milestones, ...indicators];
  const percents = items.map((i) => i.percent).filter((p): p is number => p !== null);
  return {
    commitment,
    status: own.latest ? own.status : rollUp(items),
    percent: own.percent ?? (percents.length > 0 ? Math.round(percents.reduce((a, b) => a + b, 0) / items.length) : null),
    milestones,
    indicators,
    updates
  };
};

/** A milestone that is due: its commitment, the milestone and where it stands. */
export interface DueMilestone {
  commitment: Commitment;
  milestone: MilestoneProgress;
}

/**
 * Milestones still open whose expected date falls in the month of `today` (yyyy-mm-dd), and those
 * whose date has passed: what the outcomes page lists as due and overdue.
 */
export const dueAndOverdue = (progress: readonly CommitmentProgress[], today: string): { due: DueMilestone[]; overdue: DueMilestone[] } => {
  const month = today.slice(0, 7);
  const due: DueMilestone[] = [];
  const overdue: DueMilestone[] = [];
  for (const p of progress) {
    if (isClosedStatus(p.status)) continue;
    for (const m of p.milestones) {
      if (!m.dueDate || isClosedStatus(m.status)) continue;
      if (m.dueDate < today) overdue.push({ commitment: p.commitment, milestone: m });
      else if (m.dueDate.slice(0, 7) === month) due.push({ commitment: p.commitment, milestone: m });
    }
  }
  const byDate = (a: DueMilestone, b: DueMilestone) => (a.milestone.dueDate ?? '').localeCompare(b.milestone.dueDate ?? '');
  return { due: due.sort(byDate), overdue: overdue.sort(byDate) };
};

/** True when `city` leads the commitment or is one of its partners (names compare without case). */
export const involvesCity = (commitment: Commitment, city: string): boolean => {
  const c = city.trim().toLowerCase();
  return commitment.leadCity.trim().toLowerCase() === c || commitment.partnerCities.some((p) => p.trim().toLowerCase() === c);
};

/** True when `city` leads the commitment: only the lead city reports its progress. */
export const leadsCommitment = (commitment: Commitment, city: string): boolean => commitment.leadCity.trim().toLowerCase() === city.trim().toLowerCase();

/** One entry of the timeline: a milestone's date or a dated update. */
export type TimelineEntry =
  | { kind: 'milestone'; date: string; commitment: Commitment; milestone: MilestoneProgress }
  | { kind: 'update'; date: string; commitment: Commitment; update: ProgressUpdate };

/** Milestones (at their expected dates) and updates (at the day recorded), oldest first. */
export const timeline = (progress: readonly CommitmentProgress[]): TimelineEntry[] => {
  const entries: TimelineEntry[] = [];
  for (const p of progress) {
    for (const m of p.milestones) if (m.dueDate) entries.push({ kind: 'milestone', date: m.dueDate, commitment: p.commitment, milestone: m });
    for (const u of p.updates) entries.push({ kind: 'update', date: u.at.slice(0, 10), commitment: p.commitment, update: u });
  }
  return entries.sort((a, b) => a.date.localeCompare(b.date) || (a.kind === b.kind ? 0 : a.kind === 'milestone' ? -1 : 1));
};
