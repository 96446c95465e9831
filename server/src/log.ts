/**
 * Structured logs: one JSON object a line (pino). Tokens and the secret never appear: the keys
 * that could carry them are redacted, and URLs are logged without their query string.
 *
 * Lines go to standard output without blocking the server: they wait in memory while whatever
 * reads the output (a terminal paused with Ctrl-S, journald, a container's log driver) is not
 * taking them. That wait is bounded: past `bufferBytes` waiting, new lines are dropped and counted
 * (`plenary_log_lines_dropped_total`) instead of growing the server's memory without end, and once
 * the reader has caught up one warning says how many were lost.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

export interface LogOutput {
  log: Logger;
  /** Lines dropped since the server started because the reader was not taking them. */
  droppedLines: () => number;
}

/** Default for LOG_BUFFER_BYTES: minutes of request lines at a busy venue. */
export const LOG_BUFFER_BYTES = 8 * 1024 * 1024;

export const createLogger = (level: string, { bufferBytes = LOG_BUFFER_BYTES }: { bufferBytes?: number } = {}): LogOutput => {
  const destination = pino.destination({ dest: 1, sync: false, maxLength: bufferBytes });
  let dropped = 0;
  let unreported = 0;
  destination.on('drop', (data: string | Buffer) => {
    // pino writes whole lines, one or more a call.
    const lines = String(data).split('\n').length - 1 || 1;
    dropped += lines;
    unreported += lines;
  });
  const log = pino(
    {
      level,
      base: { service: 'plenary' },
      redact: {
        // A device key (the cookie) is not access, but it is what makes a device's edits its own.
        paths: [
          'token',
          'secret',
          'SECRET',
          'authorization',
          'headers.authorization',
          'req.headers.authorization',
          'cookie',
          'headers.cookie',
          'req.headers.cookie',
          '*.token',
          'url'
        ],
        censor: '[redacted]'
      }
    },
    destination
  );
  // Everything waiting has been written: the reader keeps up again.
  destination.on('drain', () => {
    if (unreported === 0) return;
    const lines = unreported;
    unreported = 0;
    log.warn({ dropped: lines, bufferBytes }, 'log lines dropped: the log reader was not taking them');
  });
  return { log, droppedLines: () => dropped };
};

/** A path without its query string (which may carry a token). */
export const safePath = (url: string | undefined): string => (url ?? '').split('?')[0] ?? '';
