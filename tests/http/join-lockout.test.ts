/**
 * Join codes cannot be guessed (docs/SECURITY.md, "Join codes"): an address that types
 * JOIN_MAX_MISSES wrong codes is locked out — 429 with Retry-After, even for the right code —
 * while other addresses still join. The address is the socket's: X-Forwarded-For is believed only
 * with TRUST_PROXY, so a guesser cannot escape the lock-out by writing the header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../utils/wait.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';

const DEFAULT_MAX_MISSES = 10;
/** Guesses a test makes at most before it gives up: far past the lock-out. */
const GUESS_BUDGET = 60;

/** A wrong code: O, I and L are never issued. */
const wrongCode = (i: number) => `OOO-I${String.fromCharCode(65 + (i % 26))}${i % 10}`;

interface Answer {
  status: number;
  retryAfter: string | null;
  text: string;
}
const join = async (server: PlenaryServer, code: string, headers: Record<string, string> = {}): Promise<Answer> => {
  const res = await server.fetch(`/api/join/${encodeURIComponent(code)}`, { headers });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), text: await res.text() };
};

/** Guesses wrong codes until one is refused with 429; returns how many got 404 first and the refusal. */
const guessUntilLockedOut = async (server: PlenaryServer, headers: Record<string, string> = {}) => {
  let misses = 0;
  for (let i = 0; i < GUESS_BUDGET; i++) {
    const answer = await join(server, wrongCode(i), headers);
    if (answer.status === 429) return { misses, refusal: answer };
    expect(answer.status).toBe(404);
    misses++;
  }
  throw new Error(`no lock-out after ${GUESS_BUDGET} wrong codes`);
};

describe('join-code lock-out by socket address (TRUST_PROXY unset)', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  beforeAll(async () => {
    server = await startServer();
    workshop = await server.createWorkshop({ title: 'Guess me' });
  });
  afterAll(() => server?.close());

  it('locks an address out after 10 wrong codes; then even the right code is refused, and a forged X-Forwarded-For does not help', async () => {
    // Each guess claims to come from somewhere else: without TRUST_PROXY that must not matter.
    let n = 0;
    const forged = () => ({ 'x-forwarded-for': `203.0.113.${++n % 250}` });
    const { misses, refusal } = await guessUntilLockedOut(server, forged());
    expect(misses).toBe(DEFAULT_MAX_MISSES - 1);
    expect(Number(refusal.retryAfter)).toBeGreaterThan(0);
    expect(JSON.parse(refusal.text)).toMatchObject({ field: 'code' });

    const right = await join(server, workshop.joinCode, forged());
    expect(right.status).toBe(429);
    expect(Number(right.retryAfter)).toBeGreaterThan(14 * 60);
    expect(right.text).not.toContain('token');
    expect((await join(server, workshop.joinCode)).status).toBe(429);
  });

  it('logs the refusals without the codes and counts them in /metrics', async () => {
    // Log lines reach the test through the server's stdout a moment after the answers.
    const refusals = () => server.jsonLogs().filter((l) => l.msg === 'request refused' && l.route === 'join');
    await waitFor(() => refusals().length >= 2, 10_000, 'the refusals in the log');
    const logText = server.lines.join('\n');
    expect(logText).not.toContain(workshop.joinCode);
    expect(logText).not.toContain(wrongCode(3));
    const metrics = await (await server.fetch('/metrics')).text();
    expect(metrics).toMatch(/^plenary_http_refusals_total\{reason="join_locked_out"\} [1-9]/m);
  });
});

describe('join-code lock-out behind a proxy (TRUST_PROXY=1)', () => {
  let server: PlenaryServer;
  let workshop: CreatedWorkshop;
  beforeAll(async () => {
    server = await startServer({ env: { TRUST_PROXY: '1', JOIN_MAX_MISSES: '4' } });
    workshop = await server.createWorkshop({ title: 'Guess me too' });
  });
  afterAll(() => server?.close());

  it('locks out the address the proxy saw, and only that one', async () => {
    const guesser = { 'x-forwarded-for': '198.51.100.7' };
    // A client can prepend anything; the proxy appends what it saw, and that is what counts.
    const { misses } = await guessUntilLockedOut(server, { 'x-forwarded-for': '10.9.9.9, 198.51.100.7' });
    expect(misses).toBe(3);
    expect((await join(server, workshop.joinCode, guesser)).status).toBe(429);

    const neighbour = await join(server, workshop.joinCode, { 'x-forwarded-for': '198.51.100.8' });
    expect(neighbour.status).toBe(200);
    expect(JSON.parse(neighbour.text)).toMatchObject({ workshopId: workshop.id });
  });
});
