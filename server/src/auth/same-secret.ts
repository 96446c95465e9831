/** Comparing secrets (organiser key, metrics token) without leaking them through timing. */
import { createHash, timingSafeEqual } from 'node:crypto';

/** True when `given` equals `expected`; hashing first makes the comparison constant-time whatever the lengths. */
export const sameSecret = (given: string, expected: string): boolean => {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
};
