/**
 * Per-address rates (docs/SECURITY.md): creating workshops, registering participants and looking
 * up join codes each stop at their limit with 429, Retry-After and `{ error }`, for that address
 * only. And the workshop-creation policy without ORGANIZER_KEY: the local network may create, the
 * internet may not. Addresses are told apart by X-Forwarded-For, which this server believes
 * (TRUST_PROXY=1) as it would behind a reverse proxy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';

const from = (address: string) => ({ 'x-forwarded-for': address });
const json = { 'content-type': 'application/json' };

interface Answer {
  status: number;
  retryAfter: string | null;
  body: Record<string, unknown>;
}
const send = async (server: PlenaryServer, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Answer> => {
  const res = await server.fetch(path, { method, headers: { ...json, ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
};

/** Repeats `attempt` until it answers 429 (at most `budget` times); returns the answers before and the refusal. */
const untilRefused = async (budget: number, attempt: () => Promise<Answer>) => {
  const before: Answer[] = [];
  for (let i = 0; i < budget; i++) {
    const answer = await attempt();
    if (answer.status === 429) return { before, refusal: answer };
    before.push(answer);
  }
  throw new Error(`no 429 after ${budget} requests`);
};

const expectRefusal = (refusal: Answer) => {
  expect(Number(refusal.retryAfter)).toBeGreaterThan(0);
  expect(typeof refusal.body.error).toBe('string');
};

describe('request rates and the workshop-creation policy (TRUST_PROXY=1, no ORGANIZER_KEY)', () => {
  let server: PlenaryServer;
  beforeAll(async () => {
    server = await startServer({ env: { TRUST_PROXY: '1' } });
  });
  afterAll(() => server?.close());

  it('creates workshops from loopback and the local network, refuses the internet with 403 naming authorization', async () => {
    expect((await send(server, 'POST', '/api/workshops', {}, { title: 'At the laptop' })).status).toBe(201);
    for (const lan of ['192.168.1.20', '10.0.0.7', '172.20.1.1', 'fd00::20']) {
      expect((await send(server, 'POST', '/api/workshops', from(lan), { title: 'On the venue Wi-Fi' })).status, lan).toBe(201);
    }
    for (const internet of ['203.0.113.5', '2001:db8::5', '100.64.0.1']) {
      const refused = await send(server, 'POST', '/api/workshops', from(internet), { title: 'From outside' });
      expect(refused.status, internet).toBe(403);
      expect(refused.body).toMatchObject({ field: 'authorization' });
    }
  });

  it('counts every creation attempt per address: 30 an hour, then 429; other addresses unaffected', async () => {
    // Bodies that fail validation still count: the organiser key (when set) cannot be guessed either.
    const { before, refusal } = await untilRefused(60, () => send(server, 'POST', '/api/workshops', from('192.168.7.7'), { title: '' }));
    expect(before).toHaveLength(30);
    expect(before.every((a) => a.status === 400)).toBe(true);
    expectRefusal(refusal);
    expect((await send(server, 'POST', '/api/workshops', from('192.168.7.7'), { title: 'Now valid' })).status).toBe(429);
    expect((await send(server, 'POST', '/api/workshops', from('192.168.7.8'), { title: 'Next door' })).status).toBe(201);
  });

  it('counts an IPv6 /64 as one address', async () => {
    let i = 0;
    const { before } = await untilRefused(60, () => send(server, 'POST', '/api/workshops', from(`2001:db8:1:2::${(++i).toString(16)}`), { title: '' }));
    // Refused from the internet (403) each time, and limited all the same across the /64.
    expect(before).toHaveLength(30);
  });

  describe('participant registration', () => {
    let workshop: CreatedWorkshop;
    beforeAll(async () => {
      workshop = await server.createWorkshop({ title: 'Register', cities: [{ en: 'Kandy' }] });
    });

    it('stops at 60 registrations a minute from one address, with 429 and Retry-After; another address still registers', async () => {
      const path = `/api/workshops/${workshop.id}/participants`;
      const auth = { authorization: `Bearer ${workshop.tokens.delegate}` };
      let n = 0;
      const { before, refusal } = await untilRefused(90, () =>
        send(server, 'POST', path, { ...auth, ...from('192.168.3.3') }, { name: `Delegate ${++n}`, city: 'Kandy' })
      );
      expect(before).toHaveLength(60);
      expect(before.every((a) => a.status === 201)).toBe(true);
      expectRefusal(refusal);
      expect((await send(server, 'POST', path, { ...auth, ...from('192.168.3.4') }, { name: 'Late', city: 'Kandy' })).status).toBe(201);
    });
  });

  it('stops join-code look-ups at 30 a minute from one address, right codes included', async () => {
    const workshop = await server.createWorkshop({ title: 'Popular' });
    const { before, refusal } = await untilRefused(60, () => send(server, 'GET', `/api/join/${workshop.joinCode}`, from('192.168.4.4')));
    expect(before).toHaveLength(30);
    expect(before.every((a) => a.status === 200)).toBe(true);
    expectRefusal(refusal);
    expect(refusal.body).toMatchObject({ field: 'code' });
    expect(JSON.stringify(refusal.body)).not.toContain('token');
  });

  it('counts each refusal by reason in /metrics', async () => {
    const text = await (await server.fetch('/metrics')).text();
    for (const reason of ['create_not_local', 'create_rate', 'register_rate', 'join_rate']) {
      expect(text, reason).toMatch(new RegExp(`^plenary_http_refusals_total\\{reason="${reason}"\\} [1-9]`, 'm'));
    }
  });
});

describe('workshop creation with ORGANIZER_KEY set', () => {
  const ORGANIZER_KEY = 'organiser-key-for-rate-tests-91c2';
  let server: PlenaryServer;
  beforeAll(async () => {
    server = await startServer({ env: { TRUST_PROXY: '1', ORGANIZER_KEY } });
  });
  afterAll(() => server?.close());

  it('creates from any address with the key, and answers 401 without it', async () => {
    const outside = from('203.0.113.77');
    expect((await send(server, 'POST', '/api/workshops', outside, { title: 'Remote organiser' })).status).toBe(401);
    expect((await send(server, 'POST', '/api/workshops', { ...outside, authorization: `Bearer ${ORGANIZER_KEY}` }, { title: 'Remote organiser' })).status).toBe(
      201
    );
  });
});
