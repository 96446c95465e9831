/**
 * The follow-up API (docs/FOLLOW-UP.md): the outcomes view, closing the workshop, follow-up links
 * and progress updates. Bodies are checked with the shared schemas before they are sent.
 */
import type { Commitment, OutcomesView, ProgressUpdate } from '@plenary/shared/follow-up';
import { call } from './client.ts';

const base = (workshopId: string) => `/api/workshops/${encodeURIComponent(workshopId)}/follow-up`;

export const getOutcomes = (workshopId: string, token: string): Promise<OutcomesView> => call(base(workshopId), { token, cache: 'no-store' });

export const closeWorkshop = (workshopId: string, token: string): Promise<{ closedAt: string; commitments: Commitment[] }> =>
  call(`${base(workshopId)}/close`, { method: 'POST', token });

export interface FollowUpLink {
  role: 'city' | 'outcomes';
  token: string;
  city?: string;
  /** `/w/<id>/outcomes?token=…`, to put after the server's address. */
  path: string;
}

export const createFollowUpLink = (
  workshopId: string,
  token: string,
  body: { role: 'city'; city: string; reissue?: boolean } | { role: 'outcomes'; reissue?: boolean }
): Promise<FollowUpLink> => call(`${base(workshopId)}/links`, { method: 'POST', token, body });

export const postUpdate = (workshopId: string, token: string, body: unknown): Promise<{ update: ProgressUpdate }> =>
  call(`${base(workshopId)}/updates`, { method: 'POST', token, body });

/** The subscribable calendar feed, its words in `lang` (the token rides in the URL: calendar apps send no headers). */
export const calendarUrl = (workshopId: string, token: string, lang: string, city?: string): string =>
  `${base(workshopId)}/calendar.ics?${new URLSearchParams({ ...(city ? { city } : {}), lang, token }).toString()}`;

/** The progress report file as of `date`, its headings in `lang`. */
export const reportUrl = (workshopId: string, token: string, format: 'docx' | 'pdf' | 'csv' | 'json', date: string, lang: string): string =>
  `${base(workshopId)}/report.${format}?${new URLSearchParams({ date, lang, token }).toString()}`;
