/**
 * Timer arithmetic on server epoch milliseconds. A running timer stores when it ends
 * (`endsAt = now + remaining`), so every screen counts down to the same instant once it corrects
 * for its clock offset; a paused or stopped one stores what is left (`remainingMs`).
 */
import { ControlLimits, TimerAction, TimerState } from './constants.ts';
import type { Timer } from './types.ts';

/** What the facilitator asked for (already validated for shape). */
export interface TimerCommand {
  action: TimerAction;
  durationMs?: number;
  addMs?: number;
  sound?: boolean;
}

/** The new timer, or why the command does not fit the timer's state (answered with 409). */
export type TimerResult = { ok: true; timer: Timer } | { ok: false; reason: string };

/** Milliseconds left at `now` (never negative). */
export const remainingMs = (timer: Timer, now: number): number => {
  if (timer.state === TimerState.running) return Math.max(0, (timer.endsAt ?? now) - now);
  return Math.max(0, timer.remainingMs ?? 0);
};

/** True once a running timer has reached zero. */
export const hasEnded = (timer: Timer, now: number): boolean => timer.state === TimerState.running && remainingMs(timer, now) === 0;

const clampMs = (ms: number): number => Math.min(ControlLimits.timerMaxMs, Math.max(0, Math.round(ms)));

/** Applies a command at server time `now` to the current timer (or none). */
export const applyTimerCommand = (current: Timer | null, command: TimerCommand, now: number): TimerResult => {
  const sound = command.sound ?? current?.sound ?? false;
  switch (command.action) {
    case TimerAction.start: {
      if (command.durationMs === undefined) return { ok: false, reason: 'start needs durationMs' };
      const durationMs = clampMs(command.durationMs);
      return { ok: true, timer: { state: TimerState.running, durationMs, endsAt: now + durationMs, sound, updatedAt: now } };
    }
    case TimerAction.pause: {
      if (current?.state !== TimerState.running) return { ok: false, reason: 'the timer is not running' };
      return { ok: true, timer: { state: TimerState.paused, durationMs: current.durationMs, remainingMs: remainingMs(current, now), sound, updatedAt: now } };
    }
    case TimerAction.resume: {
      if (current?.state !== TimerState.paused) return { ok: false, reason: 'the timer is not paused' };
      const left = remainingMs(current, now);
      return { ok: true, timer: { state: TimerState.running, durationMs: current.durationMs, endsAt: now + left, sound, updatedAt: now } };
    }
    case TimerAction.add: {
      if (!current) return { ok: false, reason: 'there is no timer to add time to' };
      if (command.addMs === undefined) return { ok: false, reason: 'add needs addMs' };
      // Taking away more than is left stops at zero rather than refusing: "−1 min" at 0:30 means "end now".
      const left = clampMs(remainingMs(current, now) + command.addMs);
      const durationMs = clampMs(Math.max(current.durationMs + command.addMs, left));
      if (current.state === TimerState.running) {
        return { ok: true, timer: { state: TimerState.running, durationMs, endsAt: now + left, sound, updatedAt: now } };
      }
      return { ok: true, timer: { state: current.state, durationMs, remainingMs: left, sound, updatedAt: now } };
    }
    case TimerAction.reset: {
      if (!current) return { ok: false, reason: 'there is no timer to reset' };
      return { ok: true, timer: { state: TimerState.stopped, durationMs: current.durationMs, remainingMs: current.durationMs, sound, updatedAt: now } };
    }
  }
};
