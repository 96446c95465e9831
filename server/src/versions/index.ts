/**
 * Versions of boards: the service (save, list, read, compare, restore), and the hourly timer.
 *
 * Automatic versions are saved through `versions.save(boardId, { label, auto, author })`:
 * auto 'lock' when a board is locked, 'timer' when a timer ends, 'hourly' by `HourlyVersions`.
 */
export { AUTO_VERSION_LABEL, createBoardVersions, SYSTEM_AUTHOR, type BoardVersions, type RestoreResult, type SaveVersionInput } from './board-versions.ts';
export { createHourlyVersions, HOURLY_VERSION_MS, type HourlyVersions } from './hourly-versions.ts';
