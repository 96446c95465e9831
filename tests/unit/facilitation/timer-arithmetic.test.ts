/** Timer commands on server epoch milliseconds (pure: the clock is a parameter). */
import { describe, expect, it } from 'vitest';
import { applyTimerCommand, hasEnded, remainingMs, type Timer, type TimerCommand } from '@plenary/shared/control';

const apply = (timer: Timer | null, command: TimerCommand, now: number): Timer => {
  const result = applyTimerCommand(timer, command, now);
  if (!result.ok) throw new Error(result.reason);
  return result.timer;
};

describe('applyTimerCommand', () => {
  it('starts at now + duration and counts down', () => {
    const t = apply(null, { action: 'start', durationMs: 60_000 }, 1_000_000);
    expect(t).toEqual({ state: 'running', durationMs: 60_000, endsAt: 1_060_000, sound: false, updatedAt: 1_000_000 });
    expect(remainingMs(t, 1_045_000)).toBe(15_000);
    expect(remainingMs(t, 1_070_000)).toBe(0);
    expect(hasEnded(t, 1_060_000)).toBe(true);
    expect(hasEnded(t, 1_059_999)).toBe(false);
  });

  it('pauses with what is left, resumes from there, and adds to either', () => {
    const running = apply(null, { action: 'start', durationMs: 60_000, sound: true }, 0);
    const paused = apply(running, { action: 'pause' }, 20_000);
    expect(paused).toMatchObject({ state: 'paused', remainingMs: 40_000, sound: true });
    expect(remainingMs(paused, 999_999)).toBe(40_000);
    const more = apply(paused, { action: 'add', addMs: 5_000 }, 30_000);
    expect(more).toMatchObject({ state: 'paused', remainingMs: 45_000, durationMs: 65_000 });
    const resumed = apply(more, { action: 'resume' }, 100_000);
    expect(resumed).toMatchObject({ state: 'running', endsAt: 145_000 });
    const less = apply(resumed, { action: 'add', addMs: -15_000 }, 110_000);
    expect(less.endsAt).toBe(130_000);
    expect(less.durationMs).toBe(50_000);
  });

  it('never goes below zero when time is taken away', () => {
    const running = apply(null, { action: 'start', durationMs: 60_000 }, 0);
    const ended = apply(running, { action: 'add', addMs: -120_000 }, 50_000);
    expect(ended.endsAt).toBe(50_000);
    expect(remainingMs(ended, 50_000)).toBe(0);
    const paused = apply(apply(null, { action: 'start', durationMs: 10_000 }, 0), { action: 'pause' }, 0);
    expect(apply(paused, { action: 'add', addMs: -60_000 }, 0).remainingMs).toBe(0);
  });

  it('resets to a stopped timer of the full duration', () => {
    const t = apply(apply(null, { action: 'start', durationMs: 90_000 }, 0), { action: 'reset' }, 30_000);
    expect(t).toEqual({ state: 'stopped', durationMs: 90_000, remainingMs: 90_000, sound: false, updatedAt: 30_000 });
  });

  it('refuses commands that do not fit the state', () => {
    const running = apply(null, { action: 'start', durationMs: 1_000 }, 0);
    expect(applyTimerCommand(null, { action: 'pause' }, 0)).toEqual({ ok: false, reason: 'the timer is not running' });
    expect(applyTimerCommand(running, { action: 'resume' }, 0)).toEqual({ ok: false, reason: 'the timer is not paused' });
    expect(applyTimerCommand(null, { action: 'add', addMs: 1 }, 0).ok).toBe(false);
    expect(applyTimerCommand(null, { action: 'reset' }, 0).ok).toBe(false);
    expect(applyTimerCommand(null, { action: 'start' }, 0).ok).toBe(false);
  });
});
