/**
 * Ids cannot be probed: an unknown workshop or board id, a bad token and the valid token of another
 * workshop get the very same answer (status and body), over HTTP and at the WebSocket upgrade.
 * Tried as someone holding a real token of their own workshop, guessing another's ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlDocName } from '@plenary/shared/protocol';
import { syncUrl, tryUpgrade } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { call } from './support.ts';

describe('ids cannot be probed', () => {
  let server: PlenaryServer;
  let target: CreatedWorkshop;
  let mine: CreatedWorkshop;
  const forged = () => {
    const [payload, signature] = target.tokens.facilitator.split('.') as [string, string];
    return `${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
  };

  beforeAll(async () => {
    server = await startServer();
    target = await server.createWorkshop({ title: 'Their workshop', themes: ['Ports'] });
    mine = await server.createWorkshop({ title: 'My workshop', themes: ['Ports'] });
  });
  afterAll(() => server?.close());

  it('answers an unknown workshop, a bad token, no token and another workshop’s token alike over HTTP', async () => {
    const unknown = 'nosuchworkshop1';
    for (const [method, suffix, body] of [
      ['GET', '', undefined],
      ['POST', '/participants', { name: 'Eve', city: 'Porto' }],
      ['GET', '/participants', undefined],
      ['PUT', '/banner', { text: 'hello' }]
    ] as const) {
      const answers = [
        await call(server, method, `/api/workshops/${unknown}${suffix}`, mine.tokens.facilitator, body),
        await call(server, method, `/api/workshops/${unknown}${suffix}`, null, body),
        await call(server, method, `/api/workshops/${target.id}${suffix}`, forged(), body),
        await call(server, method, `/api/workshops/${target.id}${suffix}`, 'not-a-token', body),
        await call(server, method, `/api/workshops/${target.id}${suffix}`, null, body),
        await call(server, method, `/api/workshops/${target.id}${suffix}`, mine.tokens.facilitator, body)
      ];
      const first = answers[0]!;
      expect(first.status, `${method} ${suffix}`).toBe(401);
      for (const answer of answers) expect(answer, `${method} ${suffix}`).toEqual(first);
    }
    const boards = [
      await call(server, 'GET', `/api/boards/nosuchboard123/export.json`, mine.tokens.facilitator),
      await call(server, 'GET', `/api/boards/${target.boards[0]!.id}/export.json`, mine.tokens.facilitator),
      await call(server, 'GET', `/api/boards/${target.boards[0]!.id}/export.json`, forged())
    ];
    for (const answer of boards) expect(answer).toEqual(boards[0]);
  });

  it('answers an unknown board, a bad token, no token and another workshop’s token alike at the upgrade', async () => {
    const board = target.boards[0]!.id;
    const refusals = [
      await tryUpgrade(syncUrl(server.syncBase, 'nosuchboard123', mine.tokens.facilitator)),
      await tryUpgrade(syncUrl(server.syncBase, controlDocName('nosuchworkshop1'), mine.tokens.facilitator)),
      await tryUpgrade(syncUrl(server.syncBase, board, forged())),
      await tryUpgrade(syncUrl(server.syncBase, board)),
      await tryUpgrade(syncUrl(server.syncBase, board, mine.tokens.facilitator)),
      await tryUpgrade(syncUrl(server.syncBase, controlDocName(target.id), mine.tokens.facilitator))
    ];
    expect(refusals[0]).toMatchObject({ status: 401, opened: false, messages: 0 });
    for (const refusal of refusals) expect(refusal).toEqual(refusals[0]);
  });
});
