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
import { EXPORT_CONTENT_TYPE } from '@plenary/shared/export';
import { FollowUpRole, finalActionBody, followUpLinkBody, progressUpdateBody, reportDate, reportFileName, type OutcomesView } from '@plenary/shared/follow-up';
import { Role } from '@plenary/shared/protocol';
import { NO_ACCESS, checkAccess, tokenFrom } from '../auth/access.ts';
import { ExportBusyError } from '../exports/export-queue.ts';
import { createExportService } from '../exports/export-service.ts';
import { PdfUnavailableError } from '../exports/pdf-printer.ts';
import { matchCity } from '../facilitation/participants.ts';
import { isReportFormat, renderReport, REPORT_FORMATS } from '../follow-up/report.ts';
import type { FollowUp } from '../follow-up/index.ts';
import type { Workshop } from '../workshops/workshop.ts';
import type { AppDeps } from './deps.ts';
import { parseBody } from './caller.ts';
import { ApiError } from './errors.ts';
import { contentDisposition } from './exports.ts';

export type FollowUpRouteDeps = Pick<AppDeps, 'workshops' | 'signer' | 'config'> & { followUp: FollowUp };

type Viewer = OutcomesView['viewer'];

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
    .get('/:id/follow-up', async (c) => {
      const { workshop, viewer } = await callerOf(c);
      c.header('Cache-Control', 'no-store');
      return c.json(await followUp.view(workshop, viewer));
    })
    .post('/:id/follow-up/close', async (c) => {
      const workshop = await facilitatorOf(c, 'close the workshop');
      return c.json(await followUp.close(workshop));
    })
    .post('/:id/follow-up/commitments', async (c) => {
      const workshop = await facilitatorOf(c, 'mark an action final');
      const body = await parseBody(c, finalActionBody);
      return c.json({ commitment: await followUp.markFinal(workshop, body.boardId, body.actionId) }, 201);
    })
    .post('/:id/follow-up/links', async (c) => {
      const workshop = await facilitatorOf(c, 'hand out follow-up links');
      const body = await parseBody(c, followUpLinkBody);
      const link = await followUp.links.issue(workshop, body);
      return c.json({ role: body.role, ...link, path: `/w/${encodeURIComponent(workshop.id)}/outcomes?token=${encodeURIComponent(link.token)}` });
    })
    .post('/:id/follow-up/updates', async (c) => {
      const { workshop, viewer } = await callerOf(c);
      if (viewer.role === FollowUpRole.outcomes) throw new ApiError(403, 'the outcomes link is read-only');
      if (viewer.role !== FollowUpRole.city) throw new ApiError(403, "only a city's follow-up link records progress and notes");
      const body = await parseBody(c, progressUpdateBody);
      return c.json({ update: await followUp.progress.record(workshop, viewer.city ?? '', body) }, 201);
    })
    .get('/:id/follow-up/calendar.ics', async (c) => {
      const { workshop } = await callerOf(c);
      const asked = c.req.query('city');
      const city = asked === undefined ? undefined : matchCity(workshop, asked);
      if (city === null) throw new ApiError(400, 'city: not a city of this workshop', 'city');
      c.header('Content-Type', EXPORT_CONTENT_TYPE.ics);
      c.header('Cache-Control', 'no-store');
      c.header('X-Content-Type-Options', 'nosniff');
      return c.body(await followUp.calendar(workshop, city));
    })
    .get('/:id/follow-up/:file{report\\.[^/]+}', async (c) => {
      const format = c.req.param('file').slice('report.'.length);
      if (!isReportFormat(format)) throw new ApiError(404, `format: one of ${REPORT_FORMATS.join(', ')}`, 'format');
      const { workshop } = await callerOf(c);
      const date = c.req.query('date') ?? new Date().toISOString().slice(0, 10);
      if (!reportDate.safeParse(date).success) throw new ApiError(400, 'date: a real calendar day as yyyy-mm-dd', 'date');
      const report = await followUp.report(workshop, date);
      try {
        const out = await reports.runRendered(() => renderReport(format, report));
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
