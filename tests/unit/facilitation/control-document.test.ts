/** The control document's layout: what the server's writers put in, `readControl` reads back as plain values. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  bannerFor,
  isBoardLocked,
  openRoundOf,
  readControl,
  summariseConsent,
  timerFor,
  writeBanner,
  writeConsent,
  writeControlMeta,
  writeFollow,
  writeLock,
  writeRound,
  writeSessions,
  writeTimer
} from '@plenary/shared/control';

describe('control document', () => {
  it('reads an empty document as empty values', () => {
    expect(readControl(new Y.Doc())).toEqual({
      workshopId: '',
      generations: { facilitator: 0, delegate: 0, observer: 0 },
      banners: {},
      timers: {},
      sessions: [],
      locks: {},
      follow: null,
      rounds: {},
      consent: {},
      consentScope: 'involved'
    });
  });

  it('reads back what the writers wrote, and survives a round trip through an update', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      writeControlMeta(doc, 'w1', { facilitator: 0, delegate: 2, observer: 1 });
      writeBanner(doc, undefined, { text: 'Welcome', at: '2025-06-02T09:00:00.000Z', by: 'Claire' });
      writeBanner(doc, 'b1', { text: 'Room 4', at: '2025-06-02T09:00:00.000Z', by: 'Claire' });
      writeTimer(doc, undefined, { state: 'running', durationMs: 1000, endsAt: 5000, sound: false, updatedAt: 4000 });
      writeSessions(doc, [{ id: 's1', day: 1, start: '09:00', end: '10:00', title: 'Opening', boardIds: ['b1'] }]);
      writeLock(doc, 'b1', true);
      writeLock(doc, 'b2', true);
      writeLock(doc, 'b2', false);
      writeFollow(doc, { boardId: 'b1', lane: 'agreed', at: '2025-06-02T09:00:00.000Z' });
      writeRound(doc, { id: 'r1', boardId: 'b1', lane: 'proposed', votesPerDelegate: 3, oneCityOneVoice: false, status: 'open', openedAt: 'x', voters: 0 });
      writeConsent(doc, { boardId: 'b1', actionId: 'a1', city: 'Porto', answer: 'object', note: 'Too costly', by: 'Ana', at: 'x' });
    });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const snapshot = readControl(copy);
    expect(snapshot.workshopId).toBe('w1');
    expect(snapshot.generations.delegate).toBe(2);
    expect(Object.keys(snapshot.banners).sort()).toEqual(['all', 'b1']);
    expect(snapshot.locks).toEqual({ b1: true });
    expect(isBoardLocked(copy, 'b1')).toBe(true);
    expect(isBoardLocked(copy, 'b2')).toBe(false);
    expect(bannerFor(copy, 'b1')?.text).toBe('Room 4');
    expect(bannerFor(copy, 'b3')?.text).toBe('Welcome');
    expect(timerFor(copy, 'b1')?.endsAt).toBe(5000);
    expect(openRoundOf(copy, 'b1')?.id).toBe('r1');
    expect(openRoundOf(copy, 'b2')).toBeNull();
    expect(snapshot.follow).toMatchObject({ boardId: 'b1', lane: 'agreed' });
    expect(summariseConsent(snapshot.consent, 'b1', 'a1', ['Porto', 'Kobe'])).toMatchObject({ object: 1, missing: ['Kobe'] });
    writeFollow(copy, null);
    expect(readControl(copy).follow).toBeNull();
  });
});
