/**
 * What one render worker does for one export: the boards' bytes read into snapshots, checked,
 * localised and rendered (see `renderCheckedExport`). Runs in a worker thread, so a board of
 * twenty thousand cards keeps no other request or sync message waiting.
 */
import type { ConsentScope } from '@plenary/shared/control';
import { renderCheckedExport, type CheckedExport, type CheckedFormat, type ExportLanguage, type ExportWorkshop } from '@plenary/shared/export';
import { exportBoardOf, type BoardSource } from './load-boards.ts';

/** One export, as plain data copied to the worker. */
export interface RenderTask {
  format: CheckedFormat;
  workshop: ExportWorkshop;
  boards: BoardSource[];
  takenAt: string;
  versionLabel?: string;
  language: ExportLanguage;
  /** The reader's IANA time zone (already checked). */
  timeZone?: string;
  /** Whose consent actions need: decides each action's verdict. */
  consentScope?: ConsentScope;
}

/** Renders one export. */
export const renderTask = async (task: RenderTask): Promise<CheckedExport> => {
  const boards = task.boards.map((source) => exportBoardOf(source, task.workshop.id, task.language.lang));
  const input = {
    workshop: task.workshop,
    boards,
    takenAt: task.takenAt,
    ...(task.versionLabel !== undefined ? { versionLabel: task.versionLabel } : {}),
    ...(task.consentScope ? { consentScope: task.consentScope } : {}),
    ...(task.timeZone ? { timeZone: task.timeZone } : {})
  };
  return renderCheckedExport(task.format, input, task.language);
};
