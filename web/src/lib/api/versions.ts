/**
 * Calls to the versions API (server/src/http/versions.ts). Every call rejects with an `ApiError`
 * (client.ts).
 */
import type { BoardSnapshot } from '@plenary/shared/schema';
import type { BoardDiff, RestoreSummary, VersionInfo } from '@plenary/shared/versions';
import { call } from './client.ts';

const versionsOf = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/versions`;
const versionOf = (boardId: string, id: string) => `${versionsOf(boardId)}/${encodeURIComponent(id)}`;

export interface RestoreAnswer {
  restored: VersionInfo;
  before: VersionInfo;
  /** Restoring this version undoes the restore. */
  undoVersionId: string;
  changes: RestoreSummary;
}

export const listVersions = async (boardId: string, token: string): Promise<VersionInfo[]> =>
  (await call<{ versions: VersionInfo[] }>(versionsOf(boardId), { token })).versions;

export const saveVersion = async (boardId: string, token: string, label: string): Promise<VersionInfo> =>
  (await call<{ version: VersionInfo }>(versionsOf(boardId), { method: 'POST', token, body: { label } })).version;

export const openVersion = (boardId: string, token: string, id: string) =>
  call<{ version: VersionInfo; snapshot: BoardSnapshot }>(versionOf(boardId, id), { token });

export const compareVersion = (boardId: string, token: string, id: string) =>
  call<{ version: VersionInfo; diff: BoardDiff; then: BoardSnapshot; now: BoardSnapshot }>(`${versionOf(boardId, id)}/diff`, { token });

export const restoreVersion = (boardId: string, token: string, id: string) =>
  call<RestoreAnswer>(`${versionOf(boardId, id)}/restore`, { method: 'POST', token });
