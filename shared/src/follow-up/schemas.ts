/**
 * Request bodies of the follow-up routes, one zod schema per payload; the server parses with them
 * and the web app's forms check with the same ones.
 */
import { z } from 'zod';
import { isIsoDate } from '../schema/dates.ts';
import { FollowUpLimits, FollowUpRole, PROGRESS_ITEMS, PROGRESS_STATUSES, ProgressItem, UpdateKind, type ProgressStatus } from './constants.ts';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'an id of 1-64 letters, digits, "_" or "-"');
const lang = z.string().regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, 'a BCP-47 language tag such as th or vi');

/** True for an absolute http or https URL (evidence links open in a browser; no javascript:, data: or file:). */
export const isEvidenceUrl = (text: string): boolean => {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
};

const evidence = z
  .array(
    z
      .string()
      .trim()
      .max(FollowUpLimits.evidenceLength, `must be at most ${FollowUpLimits.evidenceLength} characters`)
      .refine(isEvidenceUrl, 'must be an http or https link')
  )
  .max(FollowUpLimits.evidenceLinks, `at most ${FollowUpLimits.evidenceLinks} links`)
  .default([]);

const note = z.string().max(FollowUpLimits.noteLength, `must be at most ${FollowUpLimits.noteLength} characters`);

const target = {
  commitmentId: z.string().regex(/^[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]{1,64}$/, 'a commitment id'),
  item: z.enum(PROGRESS_ITEMS as [ProgressItem, ...ProgressItem[]], { error: `must be one of ${PROGRESS_ITEMS.join(', ')}` }),
  itemId: id.optional(),
  lang,
  evidence
};

/** A lead city's progress on a milestone, an indicator or the commitment (status required). */
const progressPayload = z.object({
  kind: z.literal(UpdateKind.progress),
  ...target,
  status: z.enum(PROGRESS_STATUSES as [ProgressStatus, ...ProgressStatus[]], { error: `must be one of ${PROGRESS_STATUSES.join(', ')}` }),
  percent: z.number().int('must be a whole number').min(0, 'must be 0-100').max(100, 'must be 0-100').optional(),
  dueDate: z.string().refine(isIsoDate, 'a real calendar day as yyyy-mm-dd').optional(),
  value: z.string().trim().max(FollowUpLimits.valueLength).optional(),
  note: note.default('')
});

/** A note by any city on any commitment (partners and others): text required, no status. */
const notePayload = z.object({
  kind: z.literal(UpdateKind.note),
  ...target,
  note: note.trim().min(1, 'must not be empty')
});

/** POST /follow-up/updates. */
export const progressUpdateBody = z
  .discriminatedUnion('kind', [progressPayload, notePayload], { error: 'kind: must be progress or note' })
  .superRefine((body, ctx) => {
    if (body.item !== ProgressItem.commitment && !body.itemId) ctx.addIssue({ code: 'custom', path: ['itemId'], message: `names the ${body.item}` });
    if (body.kind === UpdateKind.progress && body.dueDate && body.item !== ProgressItem.milestone)
      ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'only a milestone has a date to move' });
  });
export type ProgressUpdateBody = z.output<typeof progressUpdateBody>;

/** POST /follow-up/commitments: the facilitator marks one agreed action final. */
export const finalActionBody = z.object({ boardId: id, actionId: id });

/** POST /follow-up/links: a city's link, or the read-only outcomes link; `reissue` retires the old one. */
export const followUpLinkBody = z.discriminatedUnion(
  'role',
  [
    z.object({ role: z.literal(FollowUpRole.city), city: z.string().trim().min(1, 'must not be empty').max(200), reissue: z.boolean().default(false) }),
    z.object({ role: z.literal(FollowUpRole.outcomes), reissue: z.boolean().default(false) })
  ],
  { error: 'role: must be city or outcomes' }
);

/** `?date=` of the progress report and `?month=` of the outcomes page. */
export const reportDate = z.string().refine(isIsoDate, 'a real calendar day as yyyy-mm-dd');
