/**
 * WriterIds (server/src/sync/writer-ids.ts) on real Y.Docs: the server's board a document, each
 * device a document of its own whose updates are admitted, applied and bound as the room does.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writersOf } from '../../../server/src/sync/protocol.ts';
import { MAX_BOUND_IDS, WriterIds, decodeBindings, encodeBindings } from '../../../server/src/sync/writer-ids.ts';

/** An update's writers and end clocks, as the server reads them off the decoded message. */
const writersIn = (update: Uint8Array) => writersOf(Y.decodeUpdate(update).structs);

/** What `edit` writes on `doc`, as the update its provider would send. */
const editOf = (doc: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array => {
  const before = Y.encodeStateVector(doc);
  edit(doc);
  return Y.encodeStateAsUpdate(doc, before);
};

/** A device's document holding what the board holds. */
const deviceOn = (board: Y.Doc, clientID?: number): Y.Doc => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(board));
  if (clientID !== undefined) doc.clientID = clientID;
  return doc;
};

/** The room's path for one update: admitted, applied, bound. */
const receive = (board: Y.Doc, ids: WriterIds, update: Uint8Array, device: string | undefined) => {
  const admitted = ids.admit(update, writersIn(update), device);
  Y.applyUpdate(board, admitted.update);
  ids.bind(admitted, device);
  return admitted;
};

const text = (doc: Y.Doc) => doc.getText('plan').toString();

describe('WriterIds', () => {
  it("binds an id to the device that first writes under it, and leaves another device's new edits under it out", () => {
    const board = new Y.Doc();
    const told: [number, string][] = [];
    const ids = new WriterIds(board, { onBound: (bound) => told.push(...bound) });
    const porto = deviceOn(board);
    expect(
      receive(
        board,
        ids,
        editOf(porto, (d) => d.getText('plan').insert(0, 'Tram')),
        'porto'
      ).refused
    ).toBe(false);
    expect(told).toEqual([[porto.clientID, 'porto']]);

    const forger = deviceOn(board, porto.clientID);
    const forged = receive(
      board,
      ids,
      editOf(forger, (d) => d.getText('plan').insert(4, ' closed')),
      'hue'
    );
    expect(forged.refused).toBe(true);
    expect(text(board)).toBe('Tram');
    // The device's own edit at those clocks goes through.
    expect(
      receive(
        board,
        ids,
        editOf(porto, (d) => d.getText('plan').insert(4, ' line 4')),
        'porto'
      ).refused
    ).toBe(false);
    expect(text(board)).toBe('Tram line 4');
    expect(told).toHaveLength(1);
  });

  it('applies the rest of a refused update: the sender’s own edits and its deletions', () => {
    const board = new Y.Doc();
    const ids = new WriterIds(board);
    const porto = deviceOn(board);
    receive(
      board,
      ids,
      editOf(porto, (d) => d.getText('plan').insert(0, 'Tram line')),
      'porto'
    );
    const hue = deviceOn(board);
    receive(
      board,
      ids,
      editOf(hue, (d) => d.getMap('cards').set('hue', 'River walk')),
      'hue'
    );

    // One update from Hue's device: its own card, a deletion in Porto's text, and an edit under Porto's id.
    const sv = Y.encodeStateVector(board);
    const forger = deviceOn(board, porto.clientID);
    forger.getText('plan').insert(9, ' closed');
    const own = deviceOn(board, hue.clientID);
    own.getMap('cards').set('hue2', 'Lantern festival');
    own.getText('plan').delete(0, 5);
    const mixed = Y.mergeUpdates([Y.encodeStateAsUpdate(forger, sv), Y.encodeStateAsUpdate(own, sv)]);

    const admitted = receive(board, ids, mixed, 'hue');
    expect(admitted.refused).toBe(true);
    expect(board.getMap('cards').get('hue2')).toBe('Lantern festival');
    expect(text(board)).toBe('line');
  });

  it('lets anyone repeat edits the board already holds (a reconnect’s answer passes on what it got)', () => {
    const board = new Y.Doc();
    const ids = new WriterIds(board);
    const porto = deviceOn(board);
    const update = editOf(porto, (d) => d.getText('plan').insert(0, 'Tram'));
    receive(board, ids, update, 'porto');
    expect(ids.admit(update, writersIn(update), 'hue').refused).toBe(false);
    expect(ids.admit(update, writersIn(update), undefined).refused).toBe(false);
    const whole = Y.encodeStateAsUpdate(board);
    expect(ids.admit(whole, writersIn(whole), 'hue').refused).toBe(false);
  });

  it('binds nothing for a connection without a device key, which writes only under ids nobody holds', () => {
    const board = new Y.Doc();
    const ids = new WriterIds(board);
    const script = deviceOn(board);
    expect(
      receive(
        board,
        ids,
        editOf(script, (d) => d.getText('plan').insert(0, 'Bus')),
        undefined
      ).claims
    ).toEqual([]);
    expect(ids.size).toBe(0);
    // Its id stays free: a device may take it (and then the script may not write under it).
    const device = deviceOn(board, script.clientID);
    receive(
      board,
      ids,
      editOf(device, (d) => d.getText('plan').insert(3, ' 12')),
      'porto'
    );
    const scriptAgain = deviceOn(board, script.clientID);
    const again = editOf(scriptAgain, (d) => d.getText('plan').insert(0, 'No '));
    expect(ids.admit(again, writersIn(again), undefined).refused).toBe(true);
  });

  it('keeps the first binding of an id when another instance tells of a later one, and round-trips what it tells', () => {
    const board = new Y.Doc();
    const ids = new WriterIds(board);
    ids.learn([
      [1, 'porto'],
      [2, 'hue']
    ]);
    ids.learn(
      decodeBindings(
        encodeBindings([
          [1, 'forger'],
          [3, 'seoul']
        ])
      )
    );
    expect(new Map(ids.entries())).toEqual(
      new Map([
        [1, 'porto'],
        [2, 'hue'],
        [3, 'seoul']
      ])
    );
  });

  it(`holds at most ${MAX_BOUND_IDS} ids; past that new ids are written and left unbound`, () => {
    const board = new Y.Doc();
    const ids = new WriterIds(board);
    ids.learn(Array.from({ length: MAX_BOUND_IDS + 5 }, (_, i) => [i + 1, `device-${i}`] as [number, string]));
    expect(ids.size).toBe(MAX_BOUND_IDS);
    const late = deviceOn(board);
    const admitted = receive(
      board,
      ids,
      editOf(late, (d) => d.getText('plan').insert(0, 'Late')),
      'late'
    );
    expect(admitted.refused).toBe(false);
    expect(ids.size).toBe(MAX_BOUND_IDS);
    expect(text(board)).toBe('Late');
  });
});
