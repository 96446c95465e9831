/**
 * Retention: workshops with no write to any of their documents for `idleDays` are deleted with
 * everything they own. Run by the operator (`pnpm plenary retention --idle-days N`) or by the
 * server once a day when RETENTION_IDLE_DAYS is above 0.
 */
import type { Store } from '../persistence/store.ts';
import { applyDeletion, planDeletion } from './delete-workshop.ts';
import { listSummaries, type WorkshopSummary } from './inventory.ts';

const DAY_MS = 86_400_000;

/** Workshops whose last activity is `idleDays` or more before `now`. */
export const idleWorkshops = async (store: Store, idleDays: number, now = Date.now()): Promise<WorkshopSummary[]> =>
  (await listSummaries(store)).filter((w) => now - Date.parse(w.lastActivityAt) >= idleDays * DAY_MS);

/** Deletes the idle workshops; returns those deleted. */
export const applyRetention = async (store: Store, idleDays: number, now = Date.now()): Promise<WorkshopSummary[]> => {
  const idle = await idleWorkshops(store, idleDays, now);
  for (const w of idle) {
    const plan = await planDeletion(store, w.id);
    if (plan) await applyDeletion(store, plan);
  }
  return idle;
};

interface RetentionLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * The server's daily retention (RETENTION_IDLE_DAYS > 0): a first pass a minute after start, then
 * every 24 hours. Several instances may each run it; deleting twice deletes nothing more.
 * Returns a stop function.
 */
export const scheduleRetention = (store: Store, idleDays: number, log: RetentionLog, { firstAfterMs = 60_000, everyMs = DAY_MS } = {}): (() => void) => {
  if (idleDays <= 0) return () => undefined;
  const run = async () => {
    try {
      const deleted = await applyRetention(store, idleDays);
      log.info({ idleDays, deleted: deleted.map((w) => w.id) }, 'retention: idle workshops deleted');
    } catch (err) {
      log.error({ err }, 'retention failed; trying again at the next pass');
    }
  };
  const first = setTimeout(() => void run(), firstAfterMs);
  const daily = setInterval(() => void run(), everyMs);
  first.unref();
  daily.unref();
  return () => {
    clearTimeout(first);
    clearInterval(daily);
  };
};
