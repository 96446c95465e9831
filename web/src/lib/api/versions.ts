/**
 * Calls to the versions API (server/src/http/versions.ts) and the addresses of board exports.
 * Every call rejects with the app's `ApiError` (status 0 when offline; for 400s, the field).
 */
import type { ExportFormat } from '@plenary/shared/export';
import type { BoardSnapshot } from '@plenary/shared/schema';
import type { BoardDiff, RestoreSummary, VersionInfo } from '@plenary/shared/versions';
import { ApiError } from '$lib/api';

const call = async <T>(path: string, token: string, method = 'GET', body?: unknown): Promise<T> => {
  const headers = new Headers({ authorization: `Bearer ${token}` });
  if (body !== undefined) headers.set('content-type', 'application/json');
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    throw new ApiError(0, error instanceof Error ? error.message : 'network error');
  }
  const answer = (await response.json().catch(() => null)) as (T & { error?: string; field?: string }) | null;
  if (!response.ok) throw new ApiError(response.status, answer?.error ?? response.statusText, answer?.field);
  if (answer === null) throw new ApiError(response.status, 'empty response');
  return answer;
};

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
  (await call<{ versions: VersionInfo[] }>(versionsOf(boardId), token)).versions;

export const saveVersion = async (boardId: string, token: string, label: string): Promise<VersionInfo> =>
  (await call<{ version: VersionInfo }>(versionsOf(boardId), token, 'POST', { label })).version;

export const openVersion = (boardId: string, token: string, id: string) =>
  call<{ version: VersionInfo; snapshot: BoardSnapshot }>(versionOf(boardId, id), token);

export const compareVersion = (boardId: string, token: string, id: string) =>
  call<{ version: VersionInfo; diff: BoardDiff; then: BoardSnapshot; now: BoardSnapshot }>(`${versionOf(boardId, id)}/diff`, token);

export const restoreVersion = (boardId: string, token: string, id: string) =>
  call<RestoreAnswer>(`${versionOf(boardId, id)}/restore`, token, 'POST');

/** Where a board (or one of its versions) is downloaded as `format`; the token rides in the query, as links cannot send headers. */
/** The language of an export's headings and text, and how translations are used (see the export routes). */
export interface ExportLanguageChoice {
  lang: string;
  mode: 'working' | 'original' | 'side-by-side';
}

export const exportUrl = (
  boardId: string,
  token: string,
  format: ExportFormat | 'print',
  versionId?: string,
  language?: ExportLanguageChoice
): string => {
  const query = new URLSearchParams({ token });
  if (versionId) query.set('version', versionId);
  if (language) {
    query.set('lang', language.lang);
    query.set('mode', language.mode);
  }
  const file = format === 'print' ? 'print' : `export.${format}`;
  return `/api/boards/${encodeURIComponent(boardId)}/${file}?${query}`;
};
