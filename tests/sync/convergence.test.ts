/**
 * Two delegates editing the same board through the server converge: text and map edits made
 * concurrently on both sides end up identical on both, in the standard y-websocket protocol.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';

describe('two providers converge through the server', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  beforeAll(async () => {
    server = await startServer();
    workshop = await server.createWorkshop({ title: 'Convergence', themes: ['Trade'] });
  });
  afterAll(() => server?.close());

  it('converges text and map edits made concurrently by two clients', async () => {
    const board = workshop.boards[0]!.id;
    const a = connectClient(server.syncBase, board, workshop.tokens.delegate);
    const b = connectClient(server.syncBase, board, workshop.tokens.facilitator);
    try {
      await Promise.all([a.synced(), b.synced()]);
      for (let i = 0; i < 20; i++) {
        a.doc.getText('plan').insert(a.doc.getText('plan').length, `a${i} `);
        b.doc.getText('plan').insert(0, `b${i} `);
        a.doc.getMap('testCards').set(`a-${i}`, { title: `Trade fair ${i}`, city: 'Lyon' });
        b.doc.getMap('testCards').set(`b-${i}`, { title: `Export desk ${i}`, city: 'Osaka' });
      }
      a.doc.getMap('testCards').set('shared', 'from a');
      b.doc.getMap('testCards').set('shared', 'from b');

      await waitFor(
        () => Buffer.from(Y.encodeStateVector(a.doc)).equals(Buffer.from(Y.encodeStateVector(b.doc))) && a.doc.getMap('testCards').size === 41,
        10_000,
        'both documents to have every edit'
      );
      expect(a.doc.getText('plan').toString()).toBe(b.doc.getText('plan').toString());
      expect(a.doc.getMap('testCards').toJSON()).toEqual(b.doc.getMap('testCards').toJSON());
      const text = a.doc.getText('plan').toString();
      for (let i = 0; i < 20; i++) {
        expect(text).toContain(`a${i} `);
        expect(text).toContain(`b${i} `);
      }
      expect(['from a', 'from b']).toContain(a.doc.getMap('testCards').get('shared'));
    } finally {
      a.destroy();
      b.destroy();
    }
  });

  it('brings a client that joins later up to date', async () => {
    const board = workshop.boards[0]!.id;
    const late = connectClient(server.syncBase, board, workshop.tokens.delegate);
    try {
      await late.synced();
      await waitFor(() => late.doc.getMap('testCards').size === 41, 10_000, 'the late client to receive the board');
    } finally {
      late.destroy();
    }
  });
});
