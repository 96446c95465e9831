/**
 * Versions of boards: the service (save, list, read, compare, restore) and the automatic versions
 * (automatic-versions.ts: on lock, on a timer's end, hourly while edited).
 */
export { AUTO_VERSION_LABEL, createBoardVersions, SYSTEM_AUTHOR, type BoardVersions, type RestoreResult, type SaveVersionInput } from './board-versions.ts';
export { createAutomaticVersions, type AutomaticVersions } from './automatic-versions.ts';
export { createHourlyVersions, HOURLY_VERSION_MS, type HourlyVersions } from './hourly-versions.ts';
