/**
 * Every refusal the server can make has a message for the person (web/src/lib/sync/refusal-messages.ts):
 * each close code and each deny reason of shared/ maps to a catalogue key that exists, and the join
 * page tells a lock-out with the minutes the server's Retry-After leaves, not "could not be reached".
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CloseCode, DenyReason, isFinalCloseCode } from '@plenary/shared/protocol';
import { ApiError } from '../../../web/src/lib/api/client.ts';
import { closeRefusal, denyRefusal, httpRefusal, joinRefusal, type Refusal } from '../../../web/src/lib/sync/refusal-messages.ts';
import { readCatalog } from './message-files.ts';

const english = readCatalog().get('en')!;
const say = (refusal: Refusal): string => {
  const message = english.get(refusal.key);
  if (message === undefined) throw new Error(`no English message ${refusal.key}`);
  return String(new IntlMessageFormat(message, 'en').format(refusal.values));
};

describe('refusal messages', () => {
  it.each(Object.entries(CloseCode))('close code %s (%i) has a message, final exactly when reconnecting cannot help', (_name, code) => {
    const refusal = closeRefusal(code);
    expect(refusal).not.toBeNull();
    expect(english.has(refusal!.key)).toBe(true);
    expect(refusal!.final).toBe(isFinalCloseCode(code));
  });

  it.each(Object.values(DenyReason))('deny reason %s has a message', (reason) => {
    const refusal = denyRefusal(reason);
    expect(refusal).not.toBeNull();
    expect(english.has(refusal!.key)).toBe(true);
  });

  it('a replaced link and a full board say what happened and what to do', () => {
    expect(say(closeRefusal(CloseCode.tokenRevoked)!)).toMatch(/replaced by the facilitator.*new link/);
    expect(say(denyRefusal(DenyReason.boardFull)!)).toMatch(/full \(2,000 cards\).*archive or delete/);
  });

  it('codes and reasons the server never sends have no message', () => {
    expect(closeRefusal(1000)).toBeNull();
    expect(denyRefusal('something-else')).toBeNull();
  });

  it('the join lock-out (429 with Retry-After of 14 minutes less a few seconds) reads "try again in 14 minutes"', () => {
    const refusal = joinRefusal(new ApiError(429, 'code: too many wrong codes', 'code', (14 * 60 - 5) * 1000));
    expect(say(refusal)).toBe('Too many wrong codes from this network. Please try again in 14 minutes.');
  });

  it('a join look-up that is too fast waits seconds; an unknown code and no answer keep their own words', () => {
    expect(say(joinRefusal(new ApiError(429, 'too many attempts', 'code', 20_000)))).toContain('20 seconds');
    expect(joinRefusal(new ApiError(404, 'not found')).key).toBe('join.codeUnknown');
    expect(joinRefusal(new ApiError(0, 'offline')).key).toBe('join.codeError');
    expect(httpRefusal(new TypeError('x')).key).toBe('refusal.http.network');
  });
});
