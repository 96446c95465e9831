/**
 * Access logs: one line per HTTP request with the method, the route's pattern (never the URL),
 * the status and the duration — so a join code in the path or a token in the query string or a
 * header never reaches the log. WebSocket connections log when they open and close, with the code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRaw, syncUrl } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';

describe('access log', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  beforeAll(async () => {
    server = await startServer();
    workshop = await server.createWorkshop({ title: 'Logged requests', themes: ['Trade'] });
  });
  afterAll(() => server?.close());

  const requestLines = () => server.jsonLogs().filter((l) => l.msg === 'request');

  it('logs a join with its route pattern, status and duration, without the join code or the token', async () => {
    const token = workshop.tokens.facilitator;
    const res = await server.fetch(`/api/join/${workshop.joinCode}?token=${encodeURIComponent(token)}`, {
      headers: { authorization: `Bearer ${token}` }
    });
    expect(res.status).toBe(200);
    const line = await waitFor(() => requestLines().find((l) => l.route === '/api/join/:code'), 10_000, 'the join request logged');
    expect(line).toMatchObject({ method: 'GET', route: '/api/join/:code', status: 200, ms: expect.any(Number) });
    const all = server.lines.join('\n');
    expect(all).not.toContain(workshop.joinCode);
    const [payload, signature] = token.split('.') as [string, string];
    expect(all).not.toContain(payload);
    expect(all).not.toContain(signature);
  });

  it('logs refused and unknown requests with their status', async () => {
    expect((await server.fetch(`/api/workshops/${workshop.id}?token=not-a-token`)).status).toBe(401);
    expect((await server.fetch('/api/no-such-thing')).status).toBe(404);
    await waitFor(() => requestLines().some((l) => l.route === '/api/workshops/:id' && l.status === 401), 10_000, 'the 401 logged');
    await waitFor(() => requestLines().some((l) => l.route === '/api/*' && l.status === 404), 10_000, 'the 404 logged');
    expect(server.lines.join('\n')).not.toContain('not-a-token');
  });

  it('logs a WebSocket connection when it opens and when it closes, with the close code', async () => {
    const raw = await openRaw(syncUrl(server.syncBase, workshop.boards[0]!.id, workshop.tokens.delegate));
    await raw.handshake();
    const opened = await waitFor(() => server.jsonLogs().find((l) => l.msg === 'connection opened'), 10_000, 'the open logged');
    raw.ws.close(1000);
    const closed = await waitFor(() => server.jsonLogs().find((l) => l.msg === 'connection closed' && l.conn === opened.conn), 10_000, 'the close logged');
    expect(closed).toMatchObject({ code: 1000 });
    raw.destroy();
  });
});
