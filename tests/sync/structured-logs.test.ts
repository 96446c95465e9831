/**
 * Logs are structured — one JSON object a line, with document and connection ids — and neither
 * tokens, the SECRET nor a device's key ever appear in them, whatever the traffic: workshop
 * creation, reads with Bearer and ?token=, pages, sync connections (with a device's cookie),
 * refused upgrades, bad frames, a write under another device's id, shutdown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenSigner } from '@plenary/server/auth/tokens.ts';
import * as Y from 'yjs';
import { connectClient, frames, newDeviceKey, openRaw, syncUrl, tryUpgrade, updateOf } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';

const SECRET = 'structured-logs-secret-5f2c9a1e77';
const ORGANIZER_KEY = 'organiser-key-structured-logs-31';

describe('structured logs', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  const tokens: string[] = [];
  const device = newDeviceKey();
  const pageKeys: string[] = [];
  beforeAll(async () => {
    server = await startServer({ env: { SECRET, ORGANIZER_KEY, LOG_LEVEL: 'debug' } });
    workshop = await server.createWorkshop({ title: 'Logged', themes: ['Trade'] }, { authorization: `Bearer ${ORGANIZER_KEY}` });
    tokens.push(...Object.values(workshop.tokens));
    const board = workshop.boards[0]!.id;

    // Traffic that carries tokens in every place a token can be.
    await server.fetch(`/api/workshops/${workshop.id}`, { headers: { authorization: `Bearer ${workshop.tokens.facilitator}` } });
    await server.fetch(`/api/workshops/${workshop.id}?token=${encodeURIComponent(workshop.tokens.delegate)}`);
    const joined = (await (await server.fetch(`/api/join/${workshop.joinCode}`)).json()) as { token: string };
    tokens.push(joined.token);
    const expired = createTokenSigner(SECRET).sign(workshop.id, 'delegate', 0, -10);
    tokens.push(expired);
    await tryUpgrade(syncUrl(server.syncBase, board, expired));
    await tryUpgrade(syncUrl(server.syncBase, board, `${workshop.tokens.observer}x`));
    const page = await server.fetch('/w/logged', { headers: { cookie: `plenary_device=${device}` } });
    pageKeys.push(...page.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=')[1]!));
    const client = connectClient(server.syncBase, board, workshop.tokens.delegate, { user: { name: 'Logged user' }, device });
    await client.synced();
    client.doc.getText('notes').insert(0, 'hello');
    const raw = await openRaw(syncUrl(server.syncBase, board, workshop.tokens.facilitator), { device: newDeviceKey() });
    await raw.handshake();
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(raw.doc));
    forger.clientID = client.doc.clientID;
    raw.send(frames.update(updateOf((doc) => doc.getText('notes').insert(5, '!'), forger)));
    await waitFor(() => raw.denied.length > 0, 10_000, 'the write under the client’s id to be refused');
    raw.send(new Uint8Array([0]));
    await waitFor(() => raw.closed, 10_000, 'the bad frame to close the raw socket');
    raw.destroy();
    client.destroy();
    await server.kill('SIGTERM');
  });
  afterAll(() => server?.close());

  it('writes every stdout line as one JSON object with a level, a time and a message', () => {
    const stdout = server.lines.filter((l) => l.trim() !== '');
    expect(stdout.length).toBeGreaterThan(5);
    const logs = server.jsonLogs();
    // Every line is JSON (stderr is empty in normal operation, so all captured lines count).
    expect(logs.length).toBe(stdout.length);
    for (const entry of logs) {
      expect(typeof entry.level).toBe('number');
      expect(typeof entry.time).toBe('number');
      expect(typeof entry.msg).toBe('string');
    }
  });

  it('names the document and the connection in connection logs', () => {
    const board = workshop.boards[0]!.id;
    const closing = server.jsonLogs().find((l) => l.msg === 'closing connection');
    expect(closing).toMatchObject({ doc: board, conn: expect.any(String), code: expect.any(Number) });
    expect(server.jsonLogs().some((l) => l.doc === board && l.msg === 'document loaded')).toBe(true);
  });

  it('never contains a token, the secret, the organiser key or a device key', () => {
    const all = server.lines.join('\n');
    expect(pageKeys).toEqual([device]);
    expect(all).not.toContain(device);
    expect(server.jsonLogs().some((l) => l.msg === 'update refused' && l.reason === 'writer-taken')).toBe(true);
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain(ORGANIZER_KEY);
    for (const token of tokens) {
      const [payload, signature] = token.split('.') as [string, string];
      expect(all).not.toContain(signature);
      expect(all).not.toContain(payload);
    }
    // The refused upgrades were logged, without their query string.
    expect(server.jsonLogs().some((l) => l.msg === 'sync upgrade refused')).toBe(true);
  });
});
