/**
 * A Redis that keeps nothing on disk comes back empty after a restart: workshops answer 404 and
 * boards lose everything the instances do not hold in memory. This module notices and says so.
 *
 *  - At start it warns when Redis keeps nothing on disk (CONFIG GET save / appendonly; some hosted
 *    Redis forbid CONFIG, which is tolerated).
 *  - Each process writes its own marker key when the store opens and checks it after every
 *    reconnect and every few seconds (a FLUSHALL or a failover to an empty replica does not
 *    disconnect). A missing marker means the data is gone: the marker is written again and
 *    `onEmptied` is called, so the store puts back the records it knows and the rooms write their
 *    documents again. One marker per process, so an instance that starts after the loss (and
 *    writes its own) cannot hide it from the others; it expires, so markers of stopped processes
 *    go away by themselves.
 */
import type { Log, RedisClient } from './redis-client.ts';

/** How often the marker is checked while connected. */
const CHECK_INTERVAL_MS = 5_000;
/** Lifetime of a marker, renewed at every check: far longer than a check interval. */
const MARKER_TTL_MS = 10 * 60_000;

const configValue = async (client: RedisClient, name: string): Promise<string | null> => {
  const reply = (await client.sendCommand(['CONFIG', 'GET', name])) as unknown;
  if (Array.isArray(reply)) return typeof reply[1] === 'string' ? reply[1] : null;
  if (reply && typeof reply === 'object') return String((reply as Record<string, unknown>)[name] ?? '') || null;
  return null;
};

/** Logs a warning when Redis would lose everything on restart. Never throws. */
export const warnIfNotPersistent = async (client: RedisClient, log: Log): Promise<void> => {
  try {
    const [save, appendonly] = await Promise.all([configValue(client, 'save'), configValue(client, 'appendonly')]);
    if ((save ?? '').trim() === '' && appendonly === 'no') {
      log.warn(
        { save, appendonly },
        'Redis keeps nothing on disk (no snapshots, no append-only file): if it restarts it comes back empty. ' +
          'Plenary then writes back the boards and records its instances hold in memory; anything else is lost. ' +
          'Enable appendonly or save on the Redis server.'
      );
    }
  } catch (err) {
    log.debug({ err: String(err) }, 'could not read the Redis persistence settings (CONFIG may be disabled)');
  }
};

export interface EmptiedWatch {
  /** Checks now; resolves true when the data was found gone. */
  check(): Promise<boolean>;
  stop(): void;
}

/** Writes this process's marker and watches it. `onEmptied` runs once per loss found. */
export const watchForEmptied = async (
  client: RedisClient,
  markerKey: string,
  isReady: () => boolean,
  onEmptied: () => Promise<void>,
  log: Log
): Promise<EmptiedWatch> => {
  const marker = () => `written ${new Date().toISOString()}`;
  const expiration = { type: 'PX', value: MARKER_TTL_MS } as const;
  await client.set(markerKey, marker(), { expiration });
  let checking: Promise<boolean> | null = null;
  const check = (): Promise<boolean> => {
    if (!isReady()) return Promise.resolve(false);
    checking ??= (async () => {
      // Written only if absent: 'OK' means the marker, and everything with it, was gone.
      const set = await client.set(markerKey, marker(), { condition: 'NX', expiration });
      if (set !== 'OK') {
        await client.pExpire(markerKey, MARKER_TTL_MS);
        return false;
      }
      log.error({ marker: markerKey }, 'Redis lost its data (restarted without persistence?): writing back what this instance holds');
      await onEmptied();
      return true;
    })()
      .catch((err) => {
        log.warn({ err: String(err) }, 'checking whether Redis lost its data failed');
        return false;
      })
      .finally(() => (checking = null));
    return checking;
  };
  const timer = setInterval(() => void check(), CHECK_INTERVAL_MS);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
};
