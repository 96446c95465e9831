/**
 * Every workshop's joint plan in every export format at once, into `<dir>/<workshopId>/`, through
 * the same export service the HTTP routes use (exports/export-service.ts: render workers behind
 * the bounded queue, Chromium for PDF). Boards are read from the store as they are now, in the
 * working language. A PDF is skipped, with the reason, where Chromium is missing.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readConsentScope, readControl } from '@plenary/shared/control';
import { EXPORT_FORMATS, ExportMode, WORKING_LANG, exportFileName, type ExportFormat } from '@plenary/shared/export';
import { consentOfBoard } from '../exports/consent.ts';
import { createExportService } from '../exports/export-service.ts';
import { exportWorkshopOf, loadBoardSource } from '../exports/load-boards.ts';
import { PdfUnavailableError } from '../exports/pdf-printer.ts';
import type { RenderTask } from '../exports/render-task.ts';
import type { Store } from '../persistence/store.ts';
import type { Workshop } from '../workshops/workshop.ts';
import { listWorkshops, readStoredControl } from './workshop-data.ts';

export interface ExportedFile {
  workshopId: string;
  format: ExportFormat;
  /** Where it was written; absent when skipped. */
  file?: string;
  bytes?: number;
  /** What the export left empty or out. */
  warnings?: number;
  skipped?: string;
}

const tasksOf = async (store: Store, workshop: Workshop): Promise<Omit<RenderTask, 'format'>> => {
  const control = await readStoredControl(store, workshop.id);
  try {
    const consent = Object.values(readControl(control).consent);
    const boards = await Promise.all(workshop.boards.map((ref) => loadBoardSource(store, undefined, ref, consentOfBoard(consent, ref.id))));
    return {
      workshop: exportWorkshopOf(workshop),
      boards,
      takenAt: new Date().toISOString(),
      language: { lang: WORKING_LANG, mode: ExportMode.working },
      consentScope: readConsentScope(control)
    };
  } finally {
    control.destroy();
  }
};

export const exportAll = async (
  store: Store,
  dir: string,
  options: { chromiumPath: string; concurrency: number },
  onFile: (f: ExportedFile) => void = () => undefined
): Promise<ExportedFile[]> => {
  // Waiting room for every export at once: the operator asked for all of them.
  const service = createExportService({ concurrency: options.concurrency, queue: EXPORT_FORMATS.length }, options.chromiumPath);
  const done: ExportedFile[] = [];
  try {
    for (const workshop of await listWorkshops(store)) {
      const base = await tasksOf(store, workshop);
      const into = join(dir, workshop.id);
      await mkdir(into, { recursive: true });
      const results = await Promise.all(
        EXPORT_FORMATS.map(async (format): Promise<ExportedFile> => {
          try {
            const out = await service.run({ ...base, format });
            const file = join(into, exportFileName({ workshop: workshop.title, takenAt: base.takenAt, extension: format }));
            const body = typeof out.body === 'string' ? Buffer.from(out.body, 'utf8') : out.body;
            await writeFile(file, body);
            return { workshopId: workshop.id, format, file, bytes: body.byteLength, warnings: out.problems.length };
          } catch (err) {
            if (err instanceof PdfUnavailableError) return { workshopId: workshop.id, format, skipped: err.message };
            throw err;
          }
        })
      );
      for (const r of results) onFile(r);
      done.push(...results);
    }
  } finally {
    await service.close();
  }
  return done;
};
