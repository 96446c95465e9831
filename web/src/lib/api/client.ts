/**
 * The one HTTP client of the web app: every call to the Plenary API goes through `call`, so the
 * token header, JSON bodies and error handling are written once. The resource modules beside this
 * one (workshops, facilitation, versions, exports) are thin functions on top of it.
 *
 * Public API
 *   call(path, { method?, token?, body?, cache? })  → the parsed JSON answer
 *   ApiError   status (0 when there was no answer), error and field from the server's
 *              `{error, field}` body, retryAfterMs from a `Retry-After` header
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    /** How long the server asked us to wait before trying again (`Retry-After`), when it said. */
    readonly retryAfterMs?: number
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The server's `error` text (or the HTTP status text when it sent none). */
  get error(): string {
    return this.message;
  }

  /** No answer at all: offline, or the server is down. */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export interface CallOptions {
  method?: string;
  /** Sent as `Authorization: Bearer …` when given. */
  token?: string;
  /** Sent as JSON when given. */
  body?: unknown;
  cache?: RequestCache;
}

/** `Retry-After` is either a number of seconds or an HTTP date (RFC 9110 §10.2.3). */
const parseRetryAfter = (value: string | null): number | undefined => {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
};

export const call = async <T>(path: string, options: CallOptions = {}): Promise<T> => {
  const { method = 'GET', token, body, cache } = options;
  const headers = new Headers();
  if (body !== undefined) headers.set('content-type', 'application/json');
  if (token) headers.set('authorization', `Bearer ${token}`);
  const init: RequestInit = { method, headers };
  if (body !== undefined) init.body = JSON.stringify(body);
  if (cache) init.cache = cache;
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    throw new ApiError(0, error instanceof Error ? error.message : 'network error');
  }
  const answer = (await response.json().catch(() => null)) as (T & { error?: string; field?: string }) | null;
  if (!response.ok) {
    throw new ApiError(response.status, answer?.error ?? response.statusText, answer?.field, parseRetryAfter(response.headers.get('retry-after')));
  }
  if (answer === null) throw new ApiError(response.status, 'empty response');
  return answer;
};
