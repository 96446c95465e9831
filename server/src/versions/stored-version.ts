/** Reading a saved version straight from the store (the versions service and exports share it). */
import type { BoardSnapshot } from '@plenary/shared/schema';
import type { VersionAuto, VersionInfo } from '@plenary/shared/versions';
import type { Store, VersionEntry } from '../persistence/store.ts';

/** What a version entry's `meta` holds besides the store's own fields. */
export type StoredVersionMeta = Omit<VersionInfo, 'id' | 'createdAt' | 'auto'> & { auto: VersionAuto | null };

export const versionInfoOf = (entry: VersionEntry): VersionInfo => {
  const meta = JSON.parse(entry.meta) as StoredVersionMeta;
  return { id: entry.id, createdAt: entry.createdAt, ...meta };
};

const decoder = new TextDecoder();

/** The version and its snapshot; null when the board has no such version. */
export const readStoredVersion = async (store: Store, boardId: string, versionId: string): Promise<{ version: VersionInfo; snapshot: BoardSnapshot } | null> => {
  const stored = await store.getVersion(boardId, versionId);
  if (!stored) return null;
  return { version: versionInfoOf(stored.entry), snapshot: JSON.parse(decoder.decode(stored.data)) as BoardSnapshot };
};
