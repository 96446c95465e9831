/** How a countdown reads: whole seconds left, rounded up, so "0:00" appears exactly at zero. */
import { remainingMs, type Timer } from '@plenary/shared/control';

/** Whole seconds left at server time `now` (rounded up: 0.2 s left still reads 0:01). */
export const secondsLeft = (timer: Timer, now: number): number => Math.ceil(remainingMs(timer, now) / 1000);

/** `m:ss`, or `h:mm:ss` past an hour. */
export const formatSeconds = (total: number): string => {
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
};
