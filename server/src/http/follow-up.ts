/**
 * /api/workshops/:id/follow-up — the follow-up after a workshop (docs/FOLLOW-UP.md):
 *   GET  /follow-up                 the outcomes view (commitments, updates): any token of the workshop or a follow-up link
 *   POST /follow-up/close           freeze every agreed action (facilitator)
 *   POST /follow-up/commitments     freeze one agreed action now (facilitator) → 201
 *   POST /follow-up/links           a city's link or the outcomes link, `reissue` to retire the old one (facilitator)
 *   POST /follow-up/updates         progress (lead city) or a note (any city), by a city's link only → 201
 *   GET  /follow-up/calendar.ics    the subscribable calendar, `?city=` for one city's (token in the URL)
 *   GET  /follow-up/report.<fmt>    the progress report for `?date=` (docx, pdf, csv, json)
 * Every refusal of a token answers like the rest of the API (401, NO_ACCESS): ids cannot be probed.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { EXPORT_CONTENT_TYPE } from '@plenary/shared/export';
import { FollowUpRole, finalActionBody, followUpLinkBody, progressUpdateBody, reportDate, type OutcomesView } from '@plenary/shared/follow-up';
import { reportFileName } from '@plenary/shared/follow-up/render';
import { Role } from '@plenary/shared/protocol';
import { langTag } from '@plenary/shared/schema/zod';
import { NO_ACCESS, checkAccess, tokenFrom } from '../auth/access.ts';
import { ExportBusyError } from '../exports/export-queue.ts';
import { createExportService } from '../exports/export-service.ts';
import { PdfUnavailableError } from '../exports/pdf-printer.ts';
import { matchCity } from '../facilitation/participants.ts';
import { isReportFormat, renderReport, REPORT_FORMATS } from '../follow-up/report.ts';
import type { FollowUp } from '../follow-up/index.ts';
import type { Workshop } from '../workshops/workshop.ts';
import type { AppDeps } from './deps.ts';
import { ApiError } from './errors.ts';
import { contentDisposition } from './exports.ts';
import { Callers, describeRoute } from './openapi/describe.ts';

export type FollowUpRouteDeps = Pick<AppDeps, 'workshops' | 'signer' | 'config'> & { followUp: FollowUp };

type Viewer = OutcomesView['viewer'];

const TAG = 'follow-up';
const RENDER_ERRORS = {
  501: 'PDF, and this server has no Chromium to print with.',
  503: 'The export queue is full: `retryAfter` and Retry-After say when to try again.'
} as const;

/** `?lang=`: the document's words (one of the seminar's twelve languages; others read English). */
const documentLang = z
  .string()
  .refine((v) => langTag.safeParse(v).success, 'a language tag such as en, th or zh-Hans')
  .optional()
  .describe("The language of the document's headings and fixed words (default en); notes stay in their own language.");

const outcomes = describeRoute({
  tag: TAG,
  summary: 'The outcomes: commitments and their progress',
  callers: Callers.followUp,
  answers: { 200: 'The outcomes view (`OutcomesView`): commitments, updates, and who is viewing.' }
});
const close = describeRoute({
  tag: TAG,
  summary: 'Close the workshop: freeze every agreed action as a commitment',
  callers: Callers.facilitator,
  answers: { 200: '`{ closedAt, commitments }`.' }
});
const markFinal = describeRoute({
  tag: TAG,
  summary: 'Freeze one agreed action as a commitment now',
  callers: Callers.facilitator,
  body: finalActionBody,
  answers: { 201: '`{ commitment }`.' },
  errors: { 404: '`boardId` is not a board of this workshop, or `actionId` no action of its agreed lane.', 409: 'The action is not agreed.' }
});
const handOut = describeRoute({
  tag: TAG,
  summary: "A city's follow-up link, or the read-only outcomes link",
  description: '`reissue` retires the old link of the same kind.',
  callers: Callers.facilitator,
  body: followUpLinkBody,
  answers: { 200: '`{ role, token, …, path }`: `path` opens the outcomes page with the link.' },
  errors: { 400: '`city` is not a city of this workshop.' }
});
const record = describeRoute({
  tag: TAG,
  summary: 'Record progress (the lead city) or a note (any city) on a commitment',
  callers: Callers.followUp,
  body: progressUpdateBody,
  answers: { 201: '`{ update }`.' },
  errors: {
    400: '`itemId` names no milestone or indicator of the commitment.',
    403: "Not a city's follow-up link (the outcomes link is read-only); progress from a city that does not lead the commitment.",
    404: 'No such commitment in this workshop (`field`: commitmentId).',
    429: 'Too many progress updates from this address; the workshop holds the most updates it may.'
  }
});
const calendar = describeRoute({
  tag: TAG,
  summary: 'The commitments as a calendar to subscribe to',
  callers: Callers.followUp,
  query: z.object({
    city: z.string().optional().describe("One city's commitments (those it leads or partners in); without it, every commitment."),
    lang: documentLang
  }),
  answers: { 200: { description: 'iCalendar, with stable UIDs.', mediaTypes: [EXPORT_CONTENT_TYPE.ics] } },
  errors: { 400: '`city` is not a city of this workshop.' }
});
const report = describeRoute({
  tag: TAG,
  summary: 'The progress report as of a day',
  callers: Callers.followUp,
  params: { file: z.enum(REPORT_FORMATS.map((f) => `report.${f}`) as [string, ...string[]]).describe('`report.` and the format: docx, pdf, csv or json.') },
  query: z.object({ date: reportDate.optional().describe('The day the report is as of, yyyy-mm-dd (default today, UTC).'), lang: documentLang }),
  answers: { 200: { description: 'The report, named in Content-Disposition.', mediaTypes: REPORT_FORMATS.map((f) => EXPORT_CONTENT_TYPE[f]) } },
  errors: { 404: 'Not a report format (`field`: format).', ...RENDER_ERRORS }
});

export const followUpRoutes = ({ workshops, signer, config, followUp }: FollowUpRouteDeps) => {
  const reports = createExportService({ concurrency: config.EXPORT_CONCURRENCY, queue: config.EXPORT_QUEUE }, config.CHROMIUM_PATH);

  /** The workshop and who asks: a follow-up link first, else a meeting token; else the one 401. */
  const callerOf = async (c: Context): Promise<{ workshop: Workshop; viewer: Viewer }> => {
    const workshop = await workshops.get(c.req.param('id') ?? '');
    const token = tokenFrom(c.req.header('authorization'), new URL(c.req.url));
    if (workshop) {
      const link = await followUp.links.viewerOf(workshop, token);
      if (link) return { workshop, viewer: link };
      const access = checkAccess(signer, token, workshop);
      if (access.ok) return { workshop, viewer: { role: access.role } };
    }
    throw new ApiError(NO_ACCESS.status, NO_ACCESS.reason, 'token');
  };
  const facilitatorOf = async (c: Context, action: string): Promise<Workshop> => {
    const { workshop, viewer } = await callerOf(c);
    if (viewer.role !== Role.facilitator) throw new ApiError(403, `only a facilitator may ${action}`);
    return workshop;
  };

  return new Hono()
    .get('/:id/follow-up', outcomes, async (c) => {
      const { workshop, viewer } = await callerOf(c);
      c.header('Cache-Control', 'no-store');
      return c.json(await followUp.view(workshop, viewer));
    })
    .post('/:id/follow-up/close', close, async (c) => {
      const workshop = await facilitatorOf(c, 'close the workshop');
      return c.json(await followUp.close(workshop));
    })
    .post('/:id/follow-up/commitments', markFinal, async (c) => {
      const workshop = await facilitatorOf(c, 'mark an action final');
      const body = await markFinal.body(c);
      return c.json({ commitment: await followUp.markFinal(workshop, body.boardId, body.actionId) }, 201);
    })
    .post('/:id/follow-up/links', handOut, async (c) => {
      const workshop = await facilitatorOf(c, 'hand out follow-up links');
      const body = await handOut.body(c);
      const link = await followUp.links.issue(workshop, body);
      return c.json({ role: body.role, ...link, path: `/w/${encodeURIComponent(workshop.id)}/outcomes?token=${encodeURIComponent(link.token)}` });
    })
    .post('/:id/follow-up/updates', record, async (c) => {
      const { workshop, viewer } = await callerOf(c);
      if (viewer.role === FollowUpRole.outcomes) throw new ApiError(403, 'the outcomes link is read-only');
      if (viewer.role !== FollowUpRole.city) throw new ApiError(403, "only a city's follow-up link records progress and notes");
      const body = await record.body(c);
      return c.json({ update: await followUp.progress.record(workshop, viewer.city ?? '', body) }, 201);
    })
    .get('/:id/follow-up/calendar.ics', calendar, async (c) => {
      const { workshop } = await callerOf(c);
      const { city: asked, lang } = calendar.query(c);
      const city = asked === undefined ? undefined : matchCity(workshop, asked);
      if (city === null) throw new ApiError(400, 'city: not a city of this workshop', 'city');
      c.header('Content-Type', EXPORT_CONTENT_TYPE.ics);
      c.header('Cache-Control', 'no-store');
      c.header('X-Content-Type-Options', 'nosniff');
      return c.body(await followUp.calendar(workshop, city, lang));
    })
    .get('/:id/follow-up/:file{report\\.[^/]+}', report, async (c) => {
      const format = c.req.param('file').slice('report.'.length);
      if (!isReportFormat(format)) throw new ApiError(404, `format: one of ${REPORT_FORMATS.join(', ')}`, 'format');
      const { workshop } = await callerOf(c);
      const query = report.query(c);
      const date = query.date ?? new Date().toISOString().slice(0, 10);
      const asOf = await followUp.report(workshop, date, query.lang);
      try {
        const out = await reports.runRendered(() => renderReport(format, asOf));
        c.header('Content-Type', EXPORT_CONTENT_TYPE[format]);
        c.header('Content-Disposition', contentDisposition(reportFileName(workshop.title, date, format)));
        c.header('Cache-Control', 'no-store');
        c.header('X-Content-Type-Options', 'nosniff');
        return c.body(typeof out.body === 'string' ? out.body : (out.body as Uint8Array<ArrayBuffer>));
      } catch (err) {
        if (err instanceof ExportBusyError) {
          c.header('Retry-After', String(err.retryAfterSeconds));
          return c.json({ error: err.message, retryAfter: err.retryAfterSeconds }, 503);
        }
        if (err instanceof PdfUnavailableError) throw new ApiError(501, err.message);
        throw err;
      }
    });
};
