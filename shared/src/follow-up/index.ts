/**
 * The follow-up after a workshop (docs/FOLLOW-UP.md): commitments frozen from agreed actions,
 * progress updates from each city's follow-up link, and what the outcomes page derives from them.
 * Pure: no I/O, no clock. Light enough for the web app; the calendar feed and the progress report
 * renderers (which bring ical-generator, docx and csv-stringify) are `@plenary/shared/follow-up/render`.
 */
export * from './constants.ts';
export * from './types.ts';
export * from './schemas.ts';
export * from './progress.ts';
export type { FollowUpClaims } from './tokens.ts';
