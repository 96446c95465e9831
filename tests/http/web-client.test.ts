/**
 * The web app's HTTP client (web/src/lib/api/client.ts) against a real server: a refusal reaches
 * the app as one `ApiError` carrying the status, the server's `error` text, the `field` it names
 * and, for a lock-out, how long `Retry-After` asked it to wait.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, call } from '../../web/src/lib/api/client.ts';
import { startServer, type PlenaryServer } from '../utils/server.ts';

/** Wrong codes tried at most before giving up: far past the default lock-out of 10. */
const GUESS_BUDGET = 60;
/** A wrong code: O, I and L are never issued. */
const wrongCode = (i: number) => `OOO-I${String.fromCharCode(65 + (i % 26))}${i % 10}`;

const refusalOf = async (promise: Promise<unknown>): Promise<ApiError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
};

describe('web HTTP client', () => {
  let server: PlenaryServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.close());

  it('answers with the parsed JSON body', async () => {
    const created = await call<{ id: string; joinCode: string }>(`${server.httpBase}/api/workshops`, { method: 'POST', body: { title: 'Client check' } });
    expect(created.id).toBeTruthy();
    const joined = await call<{ workshopId: string }>(`${server.httpBase}/api/join/${encodeURIComponent(created.joinCode)}`);
    expect(joined.workshopId).toBe(created.id);
  });

  it('turns a 400 into an ApiError naming the field', async () => {
    const error = await refusalOf(call(`${server.httpBase}/api/workshops`, { method: 'POST', body: { title: '' } }));
    expect(error.status).toBe(400);
    expect(error.field).toBe('title');
    expect(error.error).toBe(error.message);
    expect(error.error.length).toBeGreaterThan(0);
    expect(error.retryAfterMs).toBeUndefined();
  });

  it('carries Retry-After from a lock-out', async () => {
    for (let i = 0; i < GUESS_BUDGET; i++) {
      const error = await refusalOf(call(`${server.httpBase}/api/join/${encodeURIComponent(wrongCode(i))}`));
      if (error.status === 404) continue;
      expect(error.status).toBe(429);
      expect(error.field).toBe('code');
      expect(error.retryAfterMs).toBeGreaterThan(0);
      return;
    }
    throw new Error(`no lock-out after ${GUESS_BUDGET} wrong codes`);
  });

  it('reports no answer at all as status 0', async () => {
    const closed = await startServer();
    const base = closed.httpBase;
    await closed.close();
    const error = await refusalOf(call(`${base}/api/health`));
    expect(error.status).toBe(0);
    expect(error.isNetwork).toBe(true);
  });
});
