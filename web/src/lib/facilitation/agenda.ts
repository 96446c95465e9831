/**
 * Which agenda session is on now and which comes next, from the workshop's start date and the
 * sessions' day and times (local wall-clock time of the device, which is the venue's in the room).
 */
import type { AgendaSession } from '@plenary/shared/control';

export interface AgendaNow {
  current: AgendaSession | null;
  next: AgendaSession | null;
}

const DAY_MS = 86_400_000;

/** Calendar date of a session: its own date, or the workshop's start date plus (day - 1). */
export const sessionDate = (session: AgendaSession, startDate?: string | null): string | null => {
  if (session.date) return session.date;
  if (!startDate) return null;
  const start = Date.parse(`${startDate}T00:00:00Z`);
  if (Number.isNaN(start)) return null;
  return new Date(start + (session.day - 1) * DAY_MS).toISOString().slice(0, 10);
};

/** Start and end of a session as local times (epoch ms), or null without a date. */
export const sessionSpan = (session: AgendaSession, startDate?: string | null): { start: number; end: number } | null => {
  const date = sessionDate(session, startDate);
  if (!date) return null;
  const start = new Date(`${date}T${session.start}:00`).getTime();
  const end = new Date(`${date}T${session.end}:00`).getTime();
  return Number.isNaN(start) || Number.isNaN(end) ? null : { start, end };
};

/** The session on at `now` and the next one to start, in time order. */
export const agendaAt = (sessions: readonly AgendaSession[], now: number, startDate?: string | null): AgendaNow => {
  const timed = sessions
    .map((s) => ({ s, span: sessionSpan(s, startDate) }))
    .filter((x): x is { s: AgendaSession; span: { start: number; end: number } } => x.span !== null)
    .sort((a, b) => a.span.start - b.span.start);
  const current = timed.find((x) => x.span.start <= now && now < x.span.end)?.s ?? null;
  const next = timed.find((x) => x.span.start > now)?.s ?? null;
  return { current, next };
};
