/**
 * Structured logs: one JSON object a line (pino). Tokens and the secret never appear: the keys
 * that could carry them are redacted, and URLs are logged without their query string.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

export const createLogger = (level: string): Logger =>
  pino({
    level,
    base: { service: 'plenary' },
    redact: {
      paths: ['token', 'secret', 'SECRET', 'authorization', 'headers.authorization', 'req.headers.authorization', '*.token', 'url'],
      censor: '[redacted]'
    }
  });

/** A path without its query string (which may carry a token). */
export const safePath = (url: string | undefined): string => (url ?? '').split('?')[0] ?? '';
