/**
 * The follow-up calendar feed (iCalendar, subscribable): every commitment's milestones at the date
 * they are expected now, and its end date. UIDs are the one-off export's (`eventUid` of
 * export/ical.ts), so a calendar that imported the plan once and then subscribes sees the same
 * events; when a lead city moves a milestone, the event keeps its UID and its SEQUENCE goes up, so
 * subscribed calendars move it instead of adding a second one. `REFRESH-INTERVAL` asks clients
 * to look again every few hours.
 */
import { ICalCalendar } from 'ical-generator';
import { eventUid } from '../export/ical.ts';
import { isIsoDate } from '../schema/dates.ts';
import { ProgressItem, UpdateKind } from './constants.ts';
import { reportLabels } from './labels.ts';
import type { CommitmentProgress } from './progress.ts';

const DAY_MS = 86_400_000;
const REFRESH_SECONDS = 6 * 3600;
const PRODUCT_ID = (lang: string) => ({ company: 'Plenary', product: 'Plenary follow-up calendar', language: lang.toUpperCase() });

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

export interface CalendarInput {
  workshop: { id: string; title: string };
  /** The commitments to show (already filtered to one city when the feed is a city's). */
  progress: readonly CommitmentProgress[];
  /** Shown in the calendar's name: the city whose feed this is. */
  city?: string;
  /** The moment of the feed (renderers do not read the clock). */
  now: string;
  /** BCP-47 tag of the feed's words (summaries, descriptions); English by default. */
  lang?: string;
}

export const renderFollowUpCalendar = ({ workshop, progress, city, now, lang }: CalendarInput): string => {
  const L = reportLabels(lang);
  const calendar = new ICalCalendar({
    prodId: PRODUCT_ID(L.lang),
    name: `${workshop.title} – ${L.calendar}${city ? ` (${city})` : ''}`,
    ttl: REFRESH_SECONDS
  });
  const stamp = new Date(now);
  for (const p of progress) {
    const c = p.commitment;
    const description = [
      `${L.theme}: ${c.theme}`,
      `${L.commitment}: ${c.title}`,
      `${L.leadCity}: ${c.leadCity}`,
      c.partnerCities.length > 0 && `${L.partnerCities}: ${c.partnerCities.join(', ')}`,
      `${L.status}: ${L.statuses[p.status]}${p.percent !== null ? ` (${p.percent}%)` : ''}`
    ]
      .filter(Boolean)
      .join('\n');
    for (const m of p.milestones) {
      if (!m.dueDate || !isIsoDate(m.dueDate)) continue;
      const moves = p.updates.filter(
        (u) => u.kind === UpdateKind.progress && u.item === ProgressItem.milestone && u.itemId === m.milestone.id && u.dueDate
      ).length;
      calendar.createEvent({
        id: eventUid(workshop.id, c.boardId, c.actionId, m.milestone.id),
        sequence: moves,
        allDay: true,
        start: day(m.dueDate),
        end: new Date(day(m.dueDate).getTime() + DAY_MS),
        stamp,
        summary: `${L.milestone}: ${oneLine(c.title)}${m.milestone.text ? ` – ${oneLine(m.milestone.text)}` : ''} [${L.statuses[m.status]}]`,
        description: [description, m.moved && m.milestone.date ? `${L.agreedDate}: ${m.milestone.date}` : ''].filter(Boolean).join('\n'),
        categories: [{ name: oneLine(c.theme).replace(/,/g, ' ') }]
      });
    }
    if (c.endDate && isIsoDate(c.endDate)) {
      calendar.createEvent({
        id: eventUid(workshop.id, c.boardId, c.actionId, 'end'),
        allDay: true,
        start: day(c.endDate),
        end: new Date(day(c.endDate).getTime() + DAY_MS),
        stamp,
        summary: `${oneLine(c.title)} (${L.ends})`,
        description,
        categories: [{ name: oneLine(c.theme).replace(/,/g, ' ') }]
      });
    }
  }
  return calendar.toString();
};
