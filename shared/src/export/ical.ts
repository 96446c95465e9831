/**
 * iCalendar (.ics): the agreed actions' dated milestones and end dates as all-day events, so cities
 * can put the plan's deadlines in their own calendars. UIDs are stable per action and milestone, so
 * importing a later export updates the events instead of duplicating them. Text escaping is
 * ical-generator's, but it writes a UID verbatim, so every part of one is percent-encoded here: an id
 * holding a line break cannot add a property. A date that is not a real day is skipped and named in
 * an `X-PLENARY-WARNING` line, as are the problems the caller found (see checked-input.ts). The
 * stamp is the moment the export was taken (renderers do not read the clock).
 */
import { ICalCalendar } from 'ical-generator';
import { formatIndicator, takenLine } from './fields.ts';
import { prepareExport, type PreparedBoard, type PreparedExport } from './model.ts';
import type { ExportInput } from './types.ts';
import type { ActionCard } from '../schema/snapshot-schema.ts';
import { isIsoDate } from '../schema/dates.ts';
import { printable } from './checked-input.ts';

const DAY_MS = 86_400_000;
const PRODUCT_ID = { company: 'Plenary', product: 'Plenary action plan', language: 'EN' } as const;

/** Name of the calendar property that carries what the export skipped. */
export const ICS_WARNING = 'X-PLENARY-WARNING';

/**
 * `<workshop>.<board>.<action>.<milestone|end>@plenary`: the same on every export of the same plan.
 * Each part is percent-encoded, which leaves valid ids (letters, digits, `_`, `-`) as they are.
 */
export const eventUid = (workshopId: string, boardId: string, actionId: string, part: string): string =>
  `${[workshopId, boardId, actionId, part].map(encodeURIComponent).join('.')}@plenary`;

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

const describe = (p: PreparedExport, board: PreparedBoard, action: ActionCard): string => {
  const l = p.labels;
  return [
    `${l.theme}: ${board.title}`,
    `${l.action}: ${action.title}`,
    action.objective && `${l.objective}: ${action.objective}`,
    action.leadCity && `${l.leadCity}: ${action.leadCity}`,
    action.partnerCities.length > 0 && `${l.partnerCities}: ${action.partnerCities.join(', ')}`,
    action.responsibleOfficer && `${l.responsibleOfficer}: ${action.responsibleOfficer}`,
    action.indicators.length > 0 && `${l.indicators}: ${action.indicators.map((i) => formatIndicator(i, l)).join('; ')}`,
    takenLine(p)
  ]
    .filter(Boolean)
    .join('\n');
};

/** The agreed actions' milestones and end dates as an iCalendar file; `warnings` are added as they are. */
export const renderIcs = (input: ExportInput, warnings: readonly string[] = []): string => {
  const p = prepareExport(input);
  const skipped: string[] = [];
  const calendar = new ICalCalendar({ prodId: PRODUCT_ID, name: `${p.workshop.title} – ${p.labels.actionPlan}` });
  const stamp = new Date(p.takenAt);
  for (const board of p.boards) {
    for (const action of board.agreed) {
      const description = describe(p, board, action);
      const add = (part: string, date: string, summary: string) => {
        if (!isIsoDate(date)) {
          skipped.push(
            `invalid-date: board ${printable(board.boardId)}, card ${printable(action.id)}, ${part}: "${printable(date)}" is not a yyyy-mm-dd day; skipped`
          );
          return;
        }
        calendar.createEvent({
          id: eventUid(p.workshop.id, board.boardId, action.id, part),
          allDay: true,
          start: day(date),
          end: new Date(day(date).getTime() + DAY_MS),
          stamp,
          summary,
          description,
          categories: [{ name: board.title.replace(/,/g, ' ') }]
        });
      };
      for (const m of action.milestones) {
        if (m.date) add(m.id, m.date, `${p.labels.milestone}: ${action.title}${m.text ? ` – ${m.text.replace(/\s+/g, ' ')}` : ''}`);
      }
      if (action.endDate) add('end', action.endDate, `${action.title} (${p.labels.ends})`);
    }
  }
  calendar.x([...warnings, ...skipped].map((value) => ({ key: ICS_WARNING, value })));
  return calendar.toString();
};
