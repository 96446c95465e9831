/**
 * Readings of a process and of the machine from /proc: resident memory, CPU time, machine idle.
 * Linux only, like the machines the figures are quoted for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

const CLOCK_TICKS_PER_SEC = 100; // USER_HZ on Linux

const kib = (status: string, field: string): number | null => {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return m ? Number(m[1]) * 1024 : null;
};

/** Current and peak resident set size in bytes; null when the process is gone. */
export const readMemory = (pid: number): { rss: number; peakRss: number } | null => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return { rss: kib(status, 'VmRSS') ?? 0, peakRss: kib(status, 'VmHWM') ?? 0 };
  } catch {
    return null;
  }
};

/** CPU time (user + system) the process has used so far, in ms; null when it is gone. */
export const readCpuMs = (pid: number): number | null => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(rest[11]) + Number(rest[12]);
    return (ticks * 1000) / CLOCK_TICKS_PER_SEC;
  } catch {
    return null;
  }
};

/** Total and idle CPU time of the whole machine, in ticks. */
export const readMachineCpu = (): { total: number; idle: number } => {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { total: fields.reduce((a, b) => a + b, 0), idle };
};

/** Busy share (0..1) of all cores between two readings. */
export const machineBusy = (a: { total: number; idle: number }, b: { total: number; idle: number }): number => {
  const total = b.total - a.total;
  return total > 0 ? 1 - (b.idle - a.idle) / total : 0;
};

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  ramGiB: number;
  node: string;
  os: string;
}

export const describeMachine = (): MachineInfo => {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  return {
    cpuModel: model,
    cores: os.cpus().length,
    ramGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`
  };
};

/** The 1-minute load average: how much other work competes for the cores. */
export const loadAverage = (): number => Math.round(os.loadavg()[0]! * 100) / 100;

/**
 * Connections the kernel turned away because a listening socket's accept queue was full, machine
 * wide, since boot (TcpExt ListenOverflows): each one costs its client a retransmission of a second
 * or more. Null where /proc/net/netstat does not have it.
 */
export const readListenOverflows = (): number | null => {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n');
    for (let i = 0; i + 1 < lines.length; i += 2) {
      if (!lines[i]!.startsWith('TcpExt:')) continue;
      const names = lines[i]!.split(/\s+/);
      const values = lines[i + 1]!.split(/\s+/);
      const at = names.indexOf('ListenOverflows');
      return at === -1 ? null : Number(values[at]);
    }
    return null;
  } catch {
    return null;
  }
};

/**
 * Renderers of the browser's own interface (Chromium marks them `--top-chrome-webui`), running on
 * this machine now, and the CPU they have used: the desktop address-bar popup is one, and it has
 * come back with a Chromium update under a feature the test browsers did not turn off
 * (tests/e2e/utils/browser.ts). No phone runs them; beside a page under test they compete for its
 * cores.
 */
export const browserUiRenderers = (): { count: number; cpuMs: number } => {
  let count = 0;
  let cpuMs = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string;
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // A zygote's children rewrite their command line as one string (their process title): match
    // the flags as words in it, whichever separator is left.
    const argv = args.split(/[\0 ]/);
    if (!argv.includes('--type=renderer') || !argv.includes('--top-chrome-webui')) continue;
    count++;
    cpuMs += readCpuMs(Number(entry)) ?? 0;
  }
  return { count, cpuMs };
};
