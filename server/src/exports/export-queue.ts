/**
 * Admission of exports: at most `concurrency` render at once, at most `queue` more wait their
 * turn, and anything past that is refused at once with an estimate of when to come back. A
 * workshop's closing session, when every city downloads the plan at the same minute, then costs
 * a bounded amount of CPU and memory instead of a pile of renders that starves the boards' sync.
 */

/** Every render slot and queue place is taken; try again in `retryAfterSeconds`. */
export class ExportBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`the server is preparing other exports; try again in ${retryAfterSeconds} s`);
  }
}

export interface ExportQueueLimits {
  /** Exports rendering at the same time. */
  concurrency: number;
  /** Exports waiting for a slot; one more is refused. */
  queue: number;
}

export interface ExportQueue {
  /** Runs `job` when a slot is free; throws `ExportBusyError` when the queue is full. */
  run<T>(job: () => Promise<T>): Promise<T>;
  /** Exports rendering now and waiting now (for /api/exports/queue and the bench). */
  readonly running: number;
  readonly waiting: number;
}

/** Until a render has been timed, a guess at how long one takes. */
const FIRST_GUESS_MS = 2_000;
/** Weight of the newest duration in the running average. */
const SMOOTHING = 0.3;
const MAX_RETRY_AFTER_S = 300;

export const createExportQueue = (limits: ExportQueueLimits): ExportQueue => {
  let running = 0;
  const waiting: Array<() => void> = [];
  let averageMs = FIRST_GUESS_MS;

  /** The time for the exports ahead to finish, spread over the slots, in whole seconds. */
  const retryAfter = (): number => Math.min(MAX_RETRY_AFTER_S, Math.max(1, Math.ceil((averageMs * (running + waiting.length)) / limits.concurrency / 1000)));

  const acquire = async (): Promise<void> => {
    if (running < limits.concurrency) {
      running++;
      return;
    }
    if (waiting.length >= limits.queue) throw new ExportBusyError(retryAfter());
    // The slot is handed over by `release`, so `running` stays counted for this job.
    await new Promise<void>((resolve) => waiting.push(resolve));
  };

  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  return {
    async run(job) {
      await acquire();
      const started = performance.now();
      try {
        return await job();
      } finally {
        averageMs = averageMs * (1 - SMOOTHING) + (performance.now() - started) * SMOOTHING;
        release();
      }
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    }
  };
};
