/**
 * GET /api/boards/:id/export.<format> and GET /api/workshops/:id/export.<format> — a board, or
 * every board of a workshop (a section per theme), as docx, pdf, csv, md, json or ics. Any token
 * of the workshop opens them (an observer's too). The boards are read at the moment of the
 * request; the document names that moment. `?version=<id>` on a board's route exports that saved
 * version instead, named by its label and time. `?lang=<tag>&mode=working|original|side-by-side`
 * chooses the document's language and how translated card texts are shown (default: English, the
 * working language, with translations where delegates added them); `&tz=<IANA zone>` the reader's
 * time zone, in which the document shows (and names) the moment it was taken (default: UTC, as
 * workshops have no zone of their own). PDF is printed in Chromium where the deployment has it
 * (501 where it does not).
 *
 * Exports render in worker threads behind a bounded queue (exports/export-service.ts): a full
 * queue answers 503 with `Retry-After`. Board content is checked against the snapshot schema
 * first; what was left empty or out is counted in `X-Export-Warnings` and listed in the file.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import {
  DEFAULT_TIME_ZONE,
  EXPORT_CONTENT_TYPE,
  EXPORT_FORMATS,
  EXPORT_MODES,
  ExportMode,
  WORKING_LANG,
  canonicalTimeZone,
  exportFileName,
  isExportFormat,
  type CheckedFormat,
  type ExportFormat,
  type ExportLanguage
} from '@plenary/shared/export';
import { langTag } from '@plenary/shared/schema/zod';
import { themeName } from '@plenary/shared/themes';
import { versionLabelIn } from '@plenary/shared/versions';
import type { Config } from '../config.ts';
import { consentOfBoard, workshopConsent, workshopConsentScope } from '../exports/consent.ts';
import { ExportBusyError } from '../exports/export-queue.ts';
import { createExportService, type ExportOutput } from '../exports/export-service.ts';
import { exportWorkshopOf, loadBoardSource, loadBoardSources, type LiveBoards } from '../exports/load-boards.ts';
import { PdfUnavailableError, type PdfPrinter } from '../exports/pdf-printer.ts';
import type { RenderTask } from '../exports/render-task.ts';
import type { Store } from '../persistence/store.ts';
import { readStoredVersion } from '../versions/stored-version.ts';
import type { WorkshopRepository } from '../workshops/repository.ts';
import type { BoardRef, Workshop } from '../workshops/workshop.ts';
import { authorize } from './caller.ts';
import { ApiError } from './errors.ts';
import { Callers, describeRoute, readQuery } from './openapi/describe.ts';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';
/** `export.docx` etc.; anything after `export.` is checked against the known formats. */
const FILE_PARAM = ':file{export\\.[^/]+}';
/** Response header: how many problems the export left empty or out (listed in the file). */
export const WARNINGS_HEADER = 'X-Export-Warnings';
const DEFAULT_LIMITS = { EXPORT_CONCURRENCY: 1, EXPORT_QUEUE: 8 } as const;

export interface ExportDeps {
  store: Store;
  workshops: WorkshopRepository;
  signer: Parameters<typeof authorize>[0];
  /** Where consent records are read from. */
  control: Parameters<typeof workshopConsent>[0];
  /** Export limits (EXPORT_CONCURRENCY, EXPORT_QUEUE); defaults when absent. */
  config?: Pick<Config, 'EXPORT_CONCURRENCY' | 'EXPORT_QUEUE'>;
  /** Rooms open in this process; their live documents are exported instead of the stored ones. */
  rooms?: LiveBoards;
  /** Where Chromium is; by default CHROMIUM_PATH, else /usr/bin/chromium. */
  chromiumPath?: string;
  /** Prints the print page to PDF; by default Chromium at `chromiumPath`. */
  pdf?: PdfPrinter;
}

/** RFC 6266 / RFC 5987: an ASCII fallback name and the exact UTF-8 name. */
export const contentDisposition = (fileName: string): string => {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
};

const formatOf = (file: string): ExportFormat => {
  const format = file.slice('export.'.length);
  if (!isExportFormat(format)) {
    throw new ApiError(404, `format: "${format.slice(0, 40)}" is not an export format (one of ${EXPORT_FORMATS.join(', ')})`, 'format');
  }
  return format;
};

/** What every export and print route reads from its query string (each route's description shows it). */
const exportQuery = z.object({
  lang: z
    .string()
    .refine((v) => langTag.safeParse(v).success, 'a language tag such as en, th or zh-Hans')
    .optional()
    .describe("The document's language (default en, the working language)."),
  mode: z
    .enum(EXPORT_MODES as [ExportMode, ...ExportMode[]], { error: `one of ${EXPORT_MODES.join(', ')}` })
    .optional()
    .describe('How translated card texts are shown (default working: English, with translations where delegates added them).'),
  tz: z.string().optional().describe("The reader's IANA time zone, in which the document shows the moment it was taken (default UTC)."),
  version: z.string().optional().describe("A saved version's id: that version of the board instead of the live board (a board's routes only).")
});

/** `?lang=<tag>&mode=…`: the document's language and how translated card texts are shown. */
const languageOf = (c: Context): ExportLanguage => {
  const { lang = WORKING_LANG, mode = ExportMode.working } = readQuery(c, exportQuery);
  return { lang, mode };
};

const RENDER_ERRORS = { 503: 'The export queue is full: `retryAfter` and Retry-After say when to try again.' } as const;
const NO_VERSION = '`version` names no version of this board.';
const WHOLE_WORKSHOP = '`version` is given: versions belong to one board.';
const printAnswer = { description: 'The print page.', mediaTypes: ['text/html; charset=UTF-8'] };

const queueState = describeRoute({
  tag: 'exports',
  summary: 'How busy the exports are',
  description: 'Rendering now, waiting now, and the limits; no board content.',
  callers: Callers.open,
  answers: { 200: '`{ running, waiting, concurrency, queue }`.' }
});
const boardPrint = describeRoute({
  tag: 'exports',
  summary: "One board's print page",
  description: "For the browser's own Print → Save as PDF: A4, page numbers in the margins, no script.",
  callers: Callers.token,
  query: exportQuery,
  answers: { 200: printAnswer },
  errors: { 404: NO_VERSION, ...RENDER_ERRORS }
});
const workshopPrint = describeRoute({
  tag: 'exports',
  summary: 'The print page of every board of the workshop (a section per theme)',
  callers: Callers.token,
  query: exportQuery,
  answers: { 200: printAnswer },
  errors: { 400: WHOLE_WORKSHOP, ...RENDER_ERRORS }
});
const fileParam = {
  file: z.enum(EXPORT_FORMATS.map((f) => `export.${f}`) as [string, ...string[]]).describe('`export.` and the format: docx, pdf, csv, md, json or ics.')
};
const fileAnswer = {
  description: 'The file, named in Content-Disposition; X-Export-Warnings counts what was left empty or out (listed in the file).',
  mediaTypes: [...new Set(Object.values(EXPORT_CONTENT_TYPE))]
};
const NOT_A_FORMAT = 'Not an export format (`field`: format).';
const PDF_ERRORS = { 501: 'PDF, and this server has no Chromium to print with.', ...RENDER_ERRORS } as const;
const boardFile = describeRoute({
  tag: 'exports',
  summary: "One board's plan as a file",
  callers: Callers.token,
  params: fileParam,
  query: exportQuery,
  answers: { 200: fileAnswer },
  errors: { 404: `${NOT_A_FORMAT} ${NO_VERSION}`, ...PDF_ERRORS }
});
const workshopFile = describeRoute({
  tag: 'exports',
  summary: 'The joint plan of every board of the workshop as a file (a section per theme)',
  callers: Callers.token,
  params: fileParam,
  query: exportQuery,
  answers: { 200: fileAnswer },
  errors: { 400: WHOLE_WORKSHOP, 404: NOT_A_FORMAT, ...PDF_ERRORS }
});

/** `?tz=Asia/Bangkok`: the reader's IANA time zone, canonicalised; UTC when absent. */
const timeZoneOf = (c: Context): string => {
  const tz = c.req.query('tz');
  if (tz === undefined || tz === '') return DEFAULT_TIME_ZONE;
  const zone = canonicalTimeZone(tz);
  if (!zone) throw new ApiError(400, 'tz: an IANA time zone such as Asia/Bangkok or UTC', 'tz');
  return zone;
};

export const exportRoutes = (deps: ExportDeps) => {
  const limits = deps.config ?? DEFAULT_LIMITS;
  const exports = createExportService(
    { concurrency: limits.EXPORT_CONCURRENCY, queue: limits.EXPORT_QUEUE },
    deps.pdf ?? (deps.chromiumPath || DEFAULT_CHROMIUM)
  );

  /** `?version=<id>`: a saved version of the one board instead of the live board; it names the version. */
  const versionOf = async (c: Context, workshop: Workshop, refs: BoardRef[], oneBoard: boolean) => {
    const versionId = c.req.query('version');
    if (versionId === undefined) return null;
    if (!oneBoard) throw new ApiError(400, 'version: versions belong to one board; export that board', 'version');
    const found = await readStoredVersion(deps.store, refs[0]!.id, versionId);
    if (!found) throw new ApiError(404, 'version: no such version of this board', 'version');
    const consent = consentOfBoard(await workshopConsent(deps.control, workshop.id), refs[0]!.id);
    const board = await loadBoardSource(deps.store, undefined, refs[0]!, consent, found.snapshot);
    return { boards: [board], takenAt: found.version.createdAt, versionLabel: versionLabelIn(found.version, languageOf(c).lang) };
  };

  /** What is exported: the live boards (or a saved version), in the asked language, as a task for a render worker. */
  const taskOf = async (c: Context, format: CheckedFormat, workshop: Workshop, refs: BoardRef[], oneBoard: boolean): Promise<RenderTask> => {
    const language = languageOf(c);
    const timeZone = timeZoneOf(c);
    const version = await versionOf(c, workshop, refs, oneBoard);
    const takenAt = version?.takenAt ?? new Date().toISOString();
    const consent = version ? [] : await workshopConsent(deps.control, workshop.id);
    const boards = version?.boards ?? (await loadBoardSources(deps.store, deps.rooms, refs, (ref) => consentOfBoard(consent, ref.id)));
    const consentScope = await workshopConsentScope(deps.control, workshop.id);
    return {
      format,
      workshop: exportWorkshopOf(workshop),
      boards,
      takenAt,
      language,
      timeZone,
      consentScope,
      ...(version ? { versionLabel: version.versionLabel } : {})
    };
  };

  /** Runs the export; a full queue answers 503 with Retry-After, a missing Chromium 501. */
  const render = async (c: Context, task: RenderTask): Promise<ExportOutput | Response> => {
    try {
      return await exports.run(task);
    } catch (err) {
      if (err instanceof ExportBusyError) {
        c.header('Retry-After', String(err.retryAfterSeconds));
        c.header('Cache-Control', 'no-store');
        return c.json({ error: err.message, retryAfter: err.retryAfterSeconds }, 503);
      }
      if (err instanceof PdfUnavailableError) throw new ApiError(501, err.message);
      throw err;
    }
  };

  /**
   * The print page, for the browser's own Print → Save as PDF (A4, a page per theme, page numbers
   * in the page margins). It carries no script, and the policy forbids any.
   */
  const print = async (c: Context, workshop: Workshop, refs: BoardRef[], oneBoard: boolean) => {
    const out = await render(c, await taskOf(c, 'print', workshop, refs, oneBoard));
    if (out instanceof Response) return out;
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; font-src 'self'; img-src 'self' data:");
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header(WARNINGS_HEADER, String(out.problems.length));
    return c.html(out.body as string);
  };

  const send = async (c: Context, format: ExportFormat, workshop: Workshop, refs: BoardRef[], oneBoard: boolean) => {
    const task = await taskOf(c, format, workshop, refs, oneBoard);
    const fileName = exportFileName({
      workshop: workshop.title,
      board: refs.length === 1 ? themeName(refs[0]!, task.language.lang) : undefined,
      takenAt: task.takenAt,
      extension: format
    });
    const out = await render(c, task);
    if (out instanceof Response) return out;
    c.header('Content-Type', EXPORT_CONTENT_TYPE[format]);
    c.header('Content-Disposition', contentDisposition(fileName));
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header(WARNINGS_HEADER, String(out.problems.length));
    return c.body(typeof out.body === 'string' ? out.body : (out.body as Uint8Array<ArrayBuffer>));
  };

  const boardOf = async (c: Context) => {
    const boardId = c.req.param('id') ?? '';
    const workshop = authorize(deps.signer, c, await deps.workshops.workshopOfBoard(boardId)).workshop;
    const ref = workshop.boards.find((b) => b.id === boardId);
    if (!ref) throw new ApiError(404, 'board: not in this workshop', 'board');
    return { workshop, ref };
  };

  return (
    new Hono()
      // How busy the exports are: rendering now, waiting now, and the limits (no board content).
      .get('/exports/queue', queueState, (c) =>
        c.json({ running: exports.queue.running, waiting: exports.queue.waiting, concurrency: limits.EXPORT_CONCURRENCY, queue: limits.EXPORT_QUEUE })
      )
      .get('/boards/:id/print', boardPrint, async (c) => {
        const { workshop, ref } = await boardOf(c);
        return print(c, workshop, [ref], true);
      })
      .get('/workshops/:id/print', workshopPrint, async (c) => {
        const workshop = authorize(deps.signer, c, await deps.workshops.get(c.req.param('id'))).workshop;
        return print(c, workshop, workshop.boards, false);
      })
      .get(`/boards/:id/${FILE_PARAM}`, boardFile, async (c) => {
        const format = formatOf(c.req.param('file'));
        const { workshop, ref } = await boardOf(c);
        return send(c, format, workshop, [ref], true);
      })
      .get(`/workshops/:id/${FILE_PARAM}`, workshopFile, async (c) => {
        const format = formatOf(c.req.param('file'));
        const workshop = authorize(deps.signer, c, await deps.workshops.get(c.req.param('id'))).workshop;
        return send(c, format, workshop, workshop.boards, false);
      })
  );
};
