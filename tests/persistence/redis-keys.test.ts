import { describe, expect, it } from 'vitest';
import { createRedisKeys } from '@plenary/server/persistence/redis-keys.ts';
import { redactRedisUrl } from '@plenary/server/persistence/redis-client.ts';

describe('redis key names', () => {
  it('puts every key and channel under the prefix', () => {
    const keys = createRedisKeys('plenary-prod');
    const doc = keys.doc('board-1');
    for (const name of [doc.log, doc.snapshot, doc.lock, keys.meta, keys.docChannel('board-1')]) {
      expect(name.startsWith('plenary-prod:')).toBe(true);
    }
    expect(new Set([doc.log, doc.snapshot, doc.lock]).size).toBe(3);
  });

  it('encodes document names so no name can forge another key or hash tag', () => {
    const keys = createRedisKeys('p');
    const names = ['a:b', 'a%3Ab', '{a}', 'a}:log', 'a'];
    const logs = names.map((n) => keys.doc(n).log);
    expect(new Set(logs).size).toBe(names.length);
    for (const log of logs) expect(log.match(/[{}]/g)).toEqual(['{', '}']);
    expect(new Set(names.map((n) => keys.docChannel(n))).size).toBe(names.length);
  });

  it('shares one hash tag among a document’s keys (one cluster slot for its scripts)', () => {
    const doc = createRedisKeys('p').doc('board-1');
    const tag = (k: string) => /\{[^}]*\}/.exec(k)?.[0];
    expect(tag(doc.log)).toBe(tag(doc.snapshot));
    expect(tag(doc.log)).toBe(tag(doc.lock));
  });

  it('works with an empty prefix', () => {
    expect(createRedisKeys('').meta).toBe('meta');
  });
});

describe('redis URL in logs', () => {
  it('never shows the password', () => {
    const shown = redactRedisUrl('redis://plenary:s3cr3t-pass@redis.internal:6380/2');
    expect(shown).not.toContain('s3cr3t-pass');
    expect(shown).toContain('redis.internal:6380');
    expect(redactRedisUrl('redis://:only-pass@h:1')).not.toContain('only-pass');
  });
});
