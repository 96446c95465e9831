/**
 * GET /api/boards/:id/export.<format> and GET /api/workshops/:id/export.<format> — a board, or
 * every board of a workshop (a section per theme), as docx, pdf, csv, md, json or ics. Any token
 * of the workshop opens them (an observer's too). The boards are read at the moment of the
 * request; the document names that moment. `?version=<id>` on a board's route exports that saved
 * version instead, named by its label and time. `?lang=<tag>&mode=working|original|side-by-side`
 * chooses the document's language and how translated card texts are shown (default: English, the
 * working language, with translations where delegates added them). PDF is printed in Chromium where the deployment has it
 * (501 where it does not).
 */
import { Hono, type Context } from 'hono';
import {
  EXPORT_CONTENT_TYPE, EXPORT_FORMATS, EXPORT_MODES, ExportMode, WORKING_LANG, exportFileName, isExportFormat, isExportMode,
  localiseExport, printTemplates, renderExport, renderPrintHtml, type ExportFormat, type ExportInput, type ExportLanguage
} from '@plenary/shared/export';
import { langTag } from '@plenary/shared/schema';
import type { AppDeps } from '../app.ts';
import { consentOfBoard, workshopConsent } from '../exports/consent.ts';
import { exportWorkshopOf, loadExportBoard, type LiveBoards } from '../exports/load-boards.ts';
import { createPdfPrinter, PdfUnavailableError, type PdfPrinter } from '../exports/pdf-printer.ts';
import { readStoredVersion } from '../versions/stored-version.ts';
import type { BoardRef, Workshop } from '../workshops/workshop.ts';
import { authorize } from './caller.ts';
import { ApiError } from './errors.ts';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';
/** `export.docx` etc.; anything after `export.` is checked against the known formats. */
const FILE_PARAM = ':file{export\\.[^/]+}';

export type ExportDeps = Pick<AppDeps, 'store' | 'workshops' | 'signer' | 'control'> & {
  /** Rooms open in this process; their live documents are exported instead of the stored ones. */
  rooms?: LiveBoards;
  /** Where Chromium is; by default CHROMIUM_PATH, else /usr/bin/chromium. */
  chromiumPath?: string;
  /** Prints the print page to PDF; by default Chromium at `chromiumPath`. */
  pdf?: PdfPrinter;
};

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

/** `?lang=<tag>&mode=…`: the document's language and how translated card texts are shown. */
const languageOf = (c: Context): ExportLanguage => {
  const lang = c.req.query('lang') ?? WORKING_LANG;
  const mode = c.req.query('mode') ?? ExportMode.working;
  if (!langTag.safeParse(lang).success) throw new ApiError(400, 'lang: a language tag such as en, th or zh-Hans', 'lang');
  if (!isExportMode(mode)) throw new ApiError(400, `mode: one of ${EXPORT_MODES.join(', ')}`, 'mode');
  return { lang, mode };
};

export const exportRoutes = (deps: ExportDeps) => {
  const pdf = deps.pdf ?? createPdfPrinter(deps.chromiumPath || process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM);

  /** `?version=<id>`: a saved version of the one board instead of the live board; it names the version. */
  const versionOf = async (c: Context, workshop: Workshop, refs: BoardRef[], oneBoard: boolean) => {
    const versionId = c.req.query('version');
    if (versionId === undefined) return null;
    if (!oneBoard) throw new ApiError(400, 'version: versions belong to one board; export that board', 'version');
    const found = await readStoredVersion(deps.store, refs[0]!.id, versionId);
    if (!found) throw new ApiError(404, 'version: no such version of this board', 'version');
    const consent = consentOfBoard(await workshopConsent(deps.control, workshop.id), refs[0]!.id);
    const board = await loadExportBoard(deps.store, undefined, workshop, refs[0]!, found.snapshot, consent);
    return { boards: [board], takenAt: found.version.createdAt, versionLabel: found.version.label };
  };

  /** What is exported: the live boards (or a saved version), in the asked language. */
  const inputOf = async (c: Context, workshop: Workshop, refs: BoardRef[], oneBoard: boolean): Promise<ExportInput> => {
    const language = languageOf(c);
    const version = await versionOf(c, workshop, refs, oneBoard);
    const takenAt = version?.takenAt ?? new Date().toISOString();
    const consent = version ? [] : await workshopConsent(deps.control, workshop.id);
    const boards =
      version?.boards ??
      (await Promise.all(refs.map((ref) => loadExportBoard(deps.store, deps.rooms, workshop, ref, undefined, consentOfBoard(consent, ref.id)))));
    return localiseExport(
      { workshop: exportWorkshopOf(workshop), boards, takenAt, ...(version ? { versionLabel: version.versionLabel } : {}) },
      language
    );
  };

  /**
   * The print page, for the browser's own Print → Save as PDF (A4, a page per theme, page numbers
   * in the page margins). It carries no script, and the policy forbids any.
   */
  const print = async (c: Context, workshop: Workshop, refs: BoardRef[], oneBoard: boolean) => {
    const html = renderPrintHtml(await inputOf(c, workshop, refs, oneBoard), { marginBoxes: true });
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; font-src 'self'; img-src 'self' data:");
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    return c.html(html);
  };

  const send = async (c: Context, format: ExportFormat, workshop: Workshop, refs: BoardRef[], oneBoard: boolean) => {
    const input = await inputOf(c, workshop, refs, oneBoard);
    const { takenAt } = input;
    const fileName = exportFileName({ workshop: workshop.title, board: refs.length === 1 ? refs[0]!.theme : undefined, takenAt, extension: format });
    let body: string | Uint8Array;
    if (format === 'pdf') {
      try {
        body = await pdf.print({ html: renderPrintHtml(input, { marginBoxes: false }), ...printTemplates(input) });
      } catch (err) {
        if (err instanceof PdfUnavailableError) throw new ApiError(501, err.message);
        throw err;
      }
    } else {
      body = await renderExport(format, input);
    }
    c.header('Content-Type', EXPORT_CONTENT_TYPE[format]);
    c.header('Content-Disposition', contentDisposition(fileName));
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(typeof body === 'string' ? body : (body as Uint8Array<ArrayBuffer>));
  };

  const boardOf = async (c: Context) => {
    const boardId = c.req.param('id') ?? '';
    const workshop = authorize(deps.signer, c, await deps.workshops.workshopOfBoard(boardId)).workshop;
    const ref = workshop.boards.find((b) => b.id === boardId);
    if (!ref) throw new ApiError(404, 'board: not in this workshop', 'board');
    return { workshop, ref };
  };

  return new Hono()
    .get('/boards/:id/print', async (c) => {
      const { workshop, ref } = await boardOf(c);
      return print(c, workshop, [ref], true);
    })
    .get('/workshops/:id/print', async (c) => {
      const workshop = authorize(deps.signer, c, await deps.workshops.get(c.req.param('id'))).workshop;
      return print(c, workshop, workshop.boards, false);
    })
    .get(`/boards/:id/${FILE_PARAM}`, async (c) => {
      const format = formatOf(c.req.param('file'));
      const { workshop, ref } = await boardOf(c);
      return send(c, format, workshop, [ref], true);
    })
    .get(`/workshops/:id/${FILE_PARAM}`, async (c) => {
      const format = formatOf(c.req.param('file'));
      const workshop = authorize(deps.signer, c, await deps.workshops.get(c.req.param('id'))).workshop;
      return send(c, format, workshop, workshop.boards, false);
    });
};
