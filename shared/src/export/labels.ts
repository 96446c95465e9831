/**
 * Headings and fixed words of exported documents. English is the working language of workshops;
 * other languages pass their own `ExportLabels` (same keys) in `ExportInput.labels`.
 */
export const EXPORT_LABELS_EN = {
  actionPlan: 'Joint action plan',
  hostCity: 'Host city',
  dates: 'Dates',
  participatingCities: 'Participating cities',
  takenAt: 'Taken at',
  version: 'Version',
  liveBoard: 'live board',
  theme: 'Theme',
  agreedActions: 'Agreed actions',
  /** One line for every theme without agreed actions (`{themes}` is filled in), instead of a page each. */
  noAgreedActionsIn: 'No agreed actions yet: {themes}',
  action: 'Action',
  objective: 'Objective',
  leadCity: 'Lead city',
  partnerCities: 'Partner cities',
  timeline: 'Timeline',
  milestones: 'Milestones',
  indicators: 'Indicators and targets',
  target: 'target',
  resources: 'Resources and budget',
  responsibleOfficer: 'Responsible officer',
  status: 'Status',
  consent: 'Consent of cities',
  annex: 'Annex: ideas and best practices',
  idea: 'Idea',
  practice: 'Best practice',
  from: 'from',
  by: 'by',
  noIdeas: 'No ideas or best practices.',
  page: 'Page',
  of: 'of',
  milestone: 'Milestone',
  ends: 'ends',
  /** Heading of an action's consent verdict, and its parts. */
  agreement: 'Agreement',
  objections: 'Objections',
  reservations: 'Reservations',
  notAnswered: 'Not answered',
  /** An action's verdict (`{count}` and `{cities}` are filled in). */
  verdicts: {
    agreed: 'agreed by every city asked',
    awaiting: 'awaiting answers ({count}): {cities}',
    objected: 'objected by {cities}',
    'no-lead': 'no lead city: it cannot be agreed'
  },
  consentAnswers: { endorse: 'endorses', reservation: 'endorses with reservation', object: 'objects' },
  statuses: {
    draft: 'draft',
    proposed: 'proposed',
    agreed: 'agreed',
    'in-progress': 'in progress',
    done: 'done',
    dropped: 'dropped',
    'awaiting-consent': 'awaiting consent',
    objected: 'objected'
  },
  lanes: { ideas: 'Ideas and best practices', proposed: 'Proposed actions', agreed: 'Agreed action plan', parked: 'Parked' }
} as const;

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The labels of one language: the same keys as `EXPORT_LABELS_EN`. */
export type ExportLabels = Widen<typeof EXPORT_LABELS_EN>;
