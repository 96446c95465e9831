/**
 * Redis's own work while a phase is measured, for docs/SCALING.md's Redis estimate: the CPU its
 * process used (`INFO cpu`, its threads together) and the commands it ran (`INFO commandstats`,
 * which counts the commands a script calls as well as the script), read before and after the
 * window. Per edit sent, they say how many edits one Redis core can carry. Everything Redis does
 * in the window is counted: the bench runs nothing else against it meanwhile.
 *
 * A Redis Cluster (`redis+cluster://`) is not read: its work is spread over several processes.
 */
import { createClient } from 'redis';

export interface RedisSample {
  /** When it was read (performance.now()). */
  at: number;
  /** used_cpu_user + used_cpu_sys, ms. */
  cpuMs: number;
  /** Calls per command name (lower case, as INFO names them: evalsha, publish, xadd…). */
  calls: Record<string, number>;
}

export interface RedisWork {
  /** % of one core over the window. */
  cpuPct: number;
  /** CPU µs per edit sent. */
  cpuUsPerEdit: number;
  /** Commands per edit sent, the commands scripts call included. */
  commandsPerEdit: number;
  /** Calls per edit sent of each command called at least once per hundred edits, most first. */
  perEdit: [command: string, calls: number][];
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Reads Redis's CPU and command counts now; null for a cluster or a Redis that does not answer. */
export const readRedisWork = async (url: string): Promise<RedisSample | null> => {
  if (!url.startsWith('redis://') && !url.startsWith('rediss://')) return null;
  const client = createClient({ url, socket: { connectTimeout: 2_000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const cpu = parseInfo(await client.info('cpu'));
    const calls: Record<string, number> = {};
    for (const [key, value] of Object.entries(parseInfo(await client.info('commandstats')))) {
      const n = /(?:^|,)calls=(\d+)/.exec(value);
      if (key.startsWith('cmdstat_') && n) calls[key.slice('cmdstat_'.length)] = Number(n[1]);
    }
    return { at: performance.now(), cpuMs: (Number(cpu.used_cpu_user) + Number(cpu.used_cpu_sys)) * 1000, calls };
  } catch {
    return null;
  } finally {
    if (client.isOpen) await client.close();
  }
};

/**
 * What Redis did between two samples, taken around the `windowMs` in which `edits` were sent: its
 * CPU is scaled to that window (the samples are a few ms wider: each opens a connection).
 */
export const redisWorkBetween = (before: RedisSample, after: RedisSample, windowMs: number, edits: number): RedisWork => {
  const per = (n: number) => (edits > 0 ? n / edits : 0);
  const cpuMs = ((after.cpuMs - before.cpuMs) * windowMs) / Math.max(windowMs, after.at - before.at);
  const deltas = Object.entries(after.calls)
    .map(([command, calls]): [string, number] => [command, calls - (before.calls[command] ?? 0)])
    .filter(([, calls]) => calls > 0);
  const commands = deltas.reduce((sum, [, calls]) => sum + calls, 0);
  return {
    cpuPct: round((cpuMs / windowMs) * 100, 1),
    cpuUsPerEdit: round(per(cpuMs * 1000), 1),
    commandsPerEdit: round(per(commands), 2),
    perEdit: deltas
      .map(([command, calls]): [string, number] => [command, round(per(calls), 2)])
      .filter(([, calls]) => calls >= 0.01)
      .sort((a, b) => b[1] - a[1])
  };
};

/** "x% of a core, y µs and z commands per edit (evalsha 0.4, publish 0.4, …)". */
export const redisWorkText = (w: RedisWork): string =>
  `Redis CPU ${w.cpuPct}% of a core, ${w.cpuUsPerEdit} µs and ${w.commandsPerEdit} commands per edit (${w.perEdit
    .slice(0, 6)
    .map(([command, calls]) => `${command} ${calls}`)
    .join(', ')})`;

/** INFO's `key:value` lines. */
const parseInfo = (text: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0 && !line.startsWith('#')) out[line.slice(0, colon)] = line.slice(colon + 1);
  }
  return out;
};
