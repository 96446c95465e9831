/**
 * Bodies of the facilitation HTTP actions (docs: the facilitation contract). The server validates
 * with these. Kept out of `@plenary/shared/control` so the web app does not download zod.
 */
import { z } from 'zod';
import { ROLES } from '../protocol/tokens.ts';
import { LANES } from '../schema/constants.ts';
import { CONSENT_ANSWERS, CONSENT_SCOPES, ControlLimits, TimerAction } from './constants.ts';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id');
const lane = z.enum(LANES as [string, ...string[]], { error: `must be one of ${LANES.join(', ')}` });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const ms = z.number({ error: 'must be a number of milliseconds' }).int('must be whole milliseconds');

export const participantBody = z.object({
  name: z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(ControlLimits.participantName, `must be at most ${ControlLimits.participantName} characters`),
  city: z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').max(200),
  lang: z.string().max(35).optional()
});

export const reissueBody = z.object({ role: z.enum(ROLES as [string, ...string[]], { error: `must be one of ${ROLES.join(', ')}` }) });

export const bannerBody = z.object({
  text: z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(ControlLimits.bannerText, `must be at most ${ControlLimits.bannerText} characters`),
  boardId: id.optional()
});

export const timerBody = z
  .object({
    boardId: id.optional(),
    action: z.enum(Object.values(TimerAction) as [string, ...string[]], { error: `must be one of ${Object.values(TimerAction).join(', ')}` }),
    durationMs: ms.min(1000, 'must be at least 1000').max(ControlLimits.timerMaxMs, `must be at most ${ControlLimits.timerMaxMs}`).optional(),
    addMs: ms.min(-ControlLimits.timerMaxMs).max(ControlLimits.timerMaxMs).optional(),
    sound: z.boolean().optional()
  })
  .superRefine((b, ctx) => {
    if (b.action === TimerAction.start && b.durationMs === undefined)
      ctx.addIssue({ code: 'custom', path: ['durationMs'], message: 'is required to start a timer' });
    if (b.action === TimerAction.add && b.addMs === undefined) ctx.addIssue({ code: 'custom', path: ['addMs'], message: 'is required to add time' });
  });

export const sessionBody = z
  .object({
    id: id.optional(),
    day: z.number().int('must be a whole number').min(1, 'must be 1 or more').max(60),
    date: isoDate.optional(),
    start: hhmm,
    end: hhmm,
    title: z.string().trim().min(1, 'must not be empty').max(ControlLimits.sessionTitle),
    boardIds: z.array(id).max(200).default([])
  })
  .refine((s) => s.end > s.start, { path: ['end'], message: 'must be after start' });

export const agendaBody = z.object({ sessions: z.array(sessionBody).max(ControlLimits.agendaSessions) });

export const lockBody = z.object({ locked: z.boolean({ error: 'must be true or false' }) });
export const locksBody = z.object({
  boardIds: z.array(id).min(1, 'must list at least one board').max(200),
  locked: z.boolean({ error: 'must be true or false' })
});

export const followBody = z.object({ boardId: id, lane: lane.optional(), cardId: id.optional() });

export const roundBody = z.object({
  boardId: id,
  lane,
  votesPerDelegate: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(ControlLimits.votesPerDelegateMin, `must be at least ${ControlLimits.votesPerDelegateMin}`)
    .max(ControlLimits.votesPerDelegateMax, `must be at most ${ControlLimits.votesPerDelegateMax}`),
  oneCityOneVoice: z.boolean().default(false)
});

export const voteBody = z.object({ cardId: id });

export const consentBody = z
  .object({
    boardId: id,
    actionId: id,
    answer: z.enum(CONSENT_ANSWERS as [string, ...string[]], { error: `must be one of ${CONSENT_ANSWERS.join(', ')}` }),
    note: z.string().trim().max(ControlLimits.consentNote).optional(),
    city: z.string().trim().min(1).max(200).optional()
  })
  .refine((b) => b.answer === 'endorse' || (b.note !== undefined && b.note.length > 0), {
    path: ['note'],
    message: 'is required for a reservation or an objection'
  });

export const consentScopeBody = z.object({
  scope: z.enum(CONSENT_SCOPES as [string, ...string[]], { error: `must be one of ${CONSENT_SCOPES.join(', ')}` })
});
