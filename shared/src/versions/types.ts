/** What a saved version of a board is, as the HTTP API and the web app see it. */
import type { Lane } from '../schema/constants.ts';
import type { BoardSnapshot } from '../schema/snapshot-schema.ts';
import type { AutoLabel } from './auto-label.ts';

/** Why a version was saved automatically; `null` on a version a facilitator named. */
export const VersionAuto = {
  /** The board was locked. */
  lock: 'lock',
  /** A timer of the board (or the workshop) ran out. */
  timer: 'timer',
  /** At most once an hour while the board is being edited. */
  hourly: 'hourly',
  /** The content just before a restore, so the restore can be undone. */
  restore: 'restore'
} as const;
export type VersionAuto = (typeof VersionAuto)[keyof typeof VersionAuto];
export const VERSION_AUTO_REASONS: readonly VersionAuto[] = Object.values(VersionAuto);

/** Longest label of a version (characters). */
export const VERSION_LABEL_MAX = 200;

/** One saved version in the history list. */
export interface VersionInfo {
  id: string;
  boardId: string;
  /** ISO 8601 instant it was saved. */
  createdAt: string;
  /**
   * The facilitator's label; on an automatic version, its label in English (for API readers; the
   * web app and exports write `autoLabel` in their reader's language).
   */
  label: string;
  /** An automatic version's label as a kind and parameters; absent on a named version. */
  autoLabel?: AutoLabel;
  /** Who saved it (a participant's name, or a role), or `system` for automatic versions. */
  author: string;
  auto: VersionAuto | null;
  /** Cards per lane at that moment. */
  counts: Record<Lane, number>;
  /** For a "before restore" version: the version that was restored over it. */
  restoredFrom?: string;
}

/** A version with its content: the board as the public JSON format (docs/SCHEMA.md). */
export interface VersionWithSnapshot {
  version: VersionInfo;
  snapshot: BoardSnapshot;
}
