import { describe, expect, it } from 'vitest';
import { ID_LENGTH, ID_PATTERN, createId } from '@plenary/shared/schema';

describe('ids', () => {
  it('are 16 base62 characters, distinct, and match the id pattern of the format', () => {
    const ids = Array.from({ length: 5000 }, createId);
    expect(new Set(ids).size).toBe(ids.length);
    const malformed = ids.filter((id) => id.length !== ID_LENGTH || !/^[0-9A-Za-z]+$/.test(id) || !ID_PATTERN.test(id));
    expect(malformed).toEqual([]);
    // Every character of the alphabet turns up: no bias towards a subset.
    expect(new Set(ids.join('')).size).toBe(62);
  });

  it('do not depend on crypto.randomUUID (unavailable on plain-http LAN addresses)', () => {
    const original = globalThis.crypto.randomUUID;
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(createId()).toHaveLength(ID_LENGTH);
    } finally {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});
