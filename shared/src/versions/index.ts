/**
 * Saved versions of a board: their metadata, comparing two snapshots (`diffBoards`) and restoring
 * a board to a snapshot in one live transaction (`restoreBoard`). Pure functions of snapshots and
 * documents; storing versions is the server's job.
 */
export * from './types.ts';
export * from './auto-label.ts';
export * from './auto-label-words.ts';
export * from './diff.ts';
export * from './restore.ts';
