/**
 * Tokens are checked at the HTTP upgrade: a missing, forged, expired or other workshop's token is
 * refused with 401 before the WebSocket exists, so not one byte of the board reaches the
 * client. Unknown boards answer alike (401), malformed board ids 400. A valid token gets the document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenSigner } from '@plenary/server/auth/tokens.ts';
import { connectClient, openRaw, syncUrl, tryUpgrade } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';

const SECRET = 'upgrade-auth-test-secret-0123456789';
const CONTENT = 'Confidential: joint budget for the river festival';

describe('authorisation at the sync upgrade', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  let other: CreatedWorkshop;
  let board: string;
  beforeAll(async () => {
    server = await startServer({ env: { SECRET } });
    workshop = await server.createWorkshop({ title: 'Auth at the door', themes: ['Budget'] });
    other = await server.createWorkshop({ title: 'Another workshop', themes: ['Elsewhere'] });
    board = workshop.boards[0]!.id;
    // Put content on the board so that a leak would be visible.
    const writer = connectClient(server.syncBase, board, workshop.tokens.facilitator);
    await writer.synced();
    writer.doc.getText('notes').insert(0, CONTENT);
    const reader = await openRaw(syncUrl(server.syncBase, board, workshop.tokens.observer));
    await reader.handshake();
    await waitFor(() => reader.doc.getText('notes').toString() === CONTENT, 10_000, 'the content to be on the server');
    reader.destroy();
    writer.destroy();
  });
  afterAll(() => server?.close());

  const expectRefused = async (url: string, statuses: number[], headers?: Record<string, string>) => {
    const result = await tryUpgrade(url, headers);
    expect(result.opened).toBe(false);
    expect(statuses).toContain(result.status);
    expect(result.messages).toBe(0);
    expect(result.body).not.toContain(CONTENT);
    return result;
  };

  it('accepts a valid token and sends the document (the control case)', async () => {
    const raw = await openRaw(syncUrl(server.syncBase, board, workshop.tokens.delegate));
    try {
      await raw.handshake();
      expect(raw.doc.getText('notes').toString()).toBe(CONTENT);
    } finally {
      raw.destroy();
    }
  });

  it('refuses a missing token with 401 and sends nothing', async () => {
    await expectRefused(syncUrl(server.syncBase, board), [401]);
  });

  it('refuses a forged token (tampered signature, tampered claims, garbage) with 401/403', async () => {
    const token = workshop.tokens.facilitator;
    const [payload, signature] = token.split('.') as [string, string];
    const tamperedSignature = `${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    // Claims of an observer re-labelled as facilitator, keeping the observer's signature.
    const claims = JSON.parse(Buffer.from(workshop.tokens.observer.split('.')[0]!, 'base64url').toString()) as Record<string, unknown>;
    const relabelled = `${Buffer.from(JSON.stringify({ ...claims, r: 'facilitator' })).toString('base64url')}.${workshop.tokens.observer.split('.')[1]}`;
    const selfSigned = createTokenSigner('some-other-secret-of-16+chars').sign(workshop.id, 'facilitator', 0, 3600);
    for (const forged of [tamperedSignature, relabelled, selfSigned, 'not-a-token', '']) {
      await expectRefused(syncUrl(server.syncBase, board, forged), [401, 403]);
    }
  });

  it('refuses an expired token with 401/403', async () => {
    const expired = createTokenSigner(SECRET).sign(workshop.id, 'delegate', 0, -10);
    await expectRefused(syncUrl(server.syncBase, board, expired), [401, 403]);
    // The same signer with a future expiry is accepted: the refusal above is the expiry's doing.
    const fresh = createTokenSigner(SECRET).sign(workshop.id, 'delegate', 0, 3600);
    const raw = await openRaw(syncUrl(server.syncBase, board, fresh));
    raw.destroy();
  });

  it("refuses another workshop's token with 401", async () => {
    await expectRefused(syncUrl(server.syncBase, board, other.tokens.facilitator), [401]);
  });

  it('refuses a forged Bearer header the same way as a query token', async () => {
    await expectRefused(syncUrl(server.syncBase, board), [401, 403], { authorization: 'Bearer forged.token' });
  });

  it('answers 401 for an unknown board (like a bad token) and 400 for a malformed board id', async () => {
    await expectRefused(syncUrl(server.syncBase, 'nosuchboard123', workshop.tokens.facilitator), [401]);
    await expectRefused(`${server.syncBase}/${'x'.repeat(65)}?token=${workshop.tokens.facilitator}`, [400]);
    await expectRefused(`${server.syncBase}/bad%20id!?token=${workshop.tokens.facilitator}`, [400]);
    await expectRefused(`${server.syncBase}/%E0%A4%A?token=${workshop.tokens.facilitator}`, [400]);
  });
});
