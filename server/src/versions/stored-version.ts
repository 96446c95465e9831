/** Reading a saved version straight from the store (the versions service and exports share it). */
import type { BoardSnapshot } from '@plenary/shared/schema';
import { AUTO_LABEL_ENGLISH, autoLabelOf, autoLabelText, type VersionAuto, type VersionInfo } from '@plenary/shared/versions';
import type { Store, VersionEntry } from '../persistence/store.ts';
import { decodeVersion } from './version-bytes.ts';

/**
 * What a version entry's `meta` holds besides the store's own fields. An automatic version keeps
 * its label as `autoLabel` (a kind, no words); older ones kept English words in `label`.
 */
export type StoredVersionMeta = Omit<VersionInfo, 'id' | 'createdAt' | 'auto' | 'label'> & { auto: VersionAuto | null; label?: string };

export const versionInfoOf = (entry: VersionEntry): VersionInfo => {
  const meta = JSON.parse(entry.meta) as StoredVersionMeta;
  const autoLabel = autoLabelOf(meta);
  // API readers still get English words in `label`; screens and documents write `autoLabel` in their own language.
  const label = meta.label ?? (autoLabel ? autoLabelText(autoLabel, AUTO_LABEL_ENGLISH, (iso) => iso) : '');
  return { id: entry.id, createdAt: entry.createdAt, ...meta, label, ...(autoLabel ? { autoLabel } : {}) };
};

/** The version and its snapshot; null when the board has no such version. */
export const readStoredVersion = async (
  store: Store,
  boardId: string,
  versionId: string
): Promise<{ version: VersionInfo; snapshot: BoardSnapshot } | null> => {
  const stored = await store.getVersion(boardId, versionId);
  if (!stored) return null;
  return { version: versionInfoOf(stored.entry), snapshot: await decodeVersion(stored.data) };
};
