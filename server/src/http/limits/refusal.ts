/**
 * Refusing a request because of a limit: one JSON answer `{ error, field? }`, Retry-After when
 * waiting helps, one log line and one count in plenary_http_refusals_total{reason}. The log names
 * the route and the client address, never the path (a join code is part of it) nor any token.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from '../../log.ts';
import type { Metrics } from '../../metrics.ts';

export const RefusalReason = {
  bodyTooLarge: 'body_too_large',
  joinRate: 'join_rate',
  joinLockedOut: 'join_locked_out',
  createRate: 'create_rate',
  createNotLocal: 'create_not_local',
  registerRate: 'register_rate',
  progressRate: 'progress_rate',
  metricsForbidden: 'metrics_forbidden'
} as const;
export type RefusalReason = (typeof RefusalReason)[keyof typeof RefusalReason];

export interface Refusal {
  status: ContentfulStatusCode;
  reason: RefusalReason;
  /** A stable name of the route, for the log. */
  route: string;
  address: string;
  error: string;
  field?: string;
  /** Seconds until trying again can succeed (sent as Retry-After). */
  retryAfterSec?: number;
}

export type Refuse = (c: Context, refusal: Refusal) => Response;

export const createRefuse =
  (log: Logger, metrics: Metrics): Refuse =>
  (c, { status, reason, route, address, error, field, retryAfterSec }) => {
    metrics.httpRefusals.inc({ reason });
    log.warn({ reason, route, address, status, ...(retryAfterSec !== undefined ? { retryAfterSec } : {}) }, 'request refused');
    if (retryAfterSec !== undefined) c.header('Retry-After', String(retryAfterSec));
    return c.json({ error, ...(field ? { field } : {}) }, status);
  };

/** Whole seconds, at least 1, from a limiter's msBeforeNext. */
export const secondsFrom = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));
