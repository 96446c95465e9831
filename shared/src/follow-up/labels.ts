/**
 * Fixed words of the progress report and the calendar feed. English, the working language of the
 * seminar's follow-up; notes stay in the language each city wrote them in, tagged with it.
 */
import type { ProgressStatus } from './constants.ts';

export const REPORT_LABELS_EN = {
  progressReport: 'Progress report',
  asOf: 'As of',
  agreedAt: 'Agreed',
  summary: 'Summary',
  commitments: 'Commitments',
  byCity: 'By lead city',
  byTheme: 'By theme',
  whatWasAgreed: 'What was agreed',
  whatWasDone: 'What was done',
  whatSlipped: 'What slipped',
  nothingSlipped: 'Nothing slipped.',
  nothingDone: 'Nothing reported done yet.',
  theme: 'Theme',
  commitment: 'Commitment',
  objective: 'Objective',
  leadCity: 'Lead city',
  partnerCities: 'Partner cities',
  dates: 'Dates',
  milestone: 'Milestone',
  milestones: 'Milestones',
  indicator: 'Indicator',
  indicators: 'Indicators and targets',
  target: 'target',
  reached: 'reached',
  resources: 'Resources and budget',
  responsibleOfficer: 'Responsible officer',
  reservations: 'Reservations',
  status: 'Status',
  percent: 'Done',
  due: 'due',
  agreedDate: 'agreed date',
  movedTo: 'moved to',
  overdue: 'overdue',
  latestUpdates: 'Latest updates',
  evidence: 'Evidence',
  note: 'Note',
  noUpdates: 'No updates yet.',
  page: 'Page',
  of: 'of',
  ends: 'ends',
  calendar: 'Follow-up calendar',
  statuses: {
    'not-started': 'not started',
    'on-track': 'on track',
    delayed: 'delayed',
    done: 'done',
    dropped: 'dropped'
  } satisfies Record<ProgressStatus, string>
} as const;
export type ReportLabels = typeof REPORT_LABELS_EN;
