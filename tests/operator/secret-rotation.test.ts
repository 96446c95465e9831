/**
 * `pnpm plenary rotate-secret` on both stores: new links are signed with the new secret, links
 * signed with the previous one keep working until its grace ends, each previous secret keeps its
 * own grace, a running instance learns of a rotation from the first token signed with the new
 * secret, and a token signed with no secret in use is refused. With SECRET in the environment the
 * CLI refuses and SECRET_PREVIOUS / SECRET_PREVIOUS_UNTIL do the same job.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenSigner } from '@plenary/server/auth/tokens.ts';
import type { Store } from '@plenary/server/persistence/store.ts';
import { call } from '../utils/http.ts';
import { startServer, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { openStore, STORE_KINDS } from '../sync/support/stores.ts';
import { runCli, runJson, storeEnv } from './support.ts';

const SLOW = 600_000;
const statusOf = async (server: PlenaryServer, workshopId: string, token: string) => (await call(server, 'GET', `/api/workshops/${workshopId}`, token)).status;

for (const kind of STORE_KINDS) {
  kind.describe(`operator CLI on ${kind.name}: rotating the store-kept secret`, () => {
    let first: PlenaryServer;
    let second: PlenaryServer | undefined;
    let store: Store;
    beforeAll(async () => {
      first = await startServer({ env: kind.env('operator-secret') });
      store = await openStore(first);
    });
    afterAll(async () => {
      await store?.close();
      await second?.close();
      await first?.close();
      await kind.cleanup();
    });

    it(
      'keeps old links working through the grace, signs new ones with the new secret, and reaches a running instance',
      async () => {
        const env = storeEnv(first);
        const w1 = await first.createWorkshop();
        const original = await store.getMeta('secret');
        expect(createTokenSigner(original!).verify(w1.tokens.facilitator).ok).toBe(true);

        const rotated = await runJson<{ graceEndsAt: string }>(env, ['rotate-secret', '--grace-days', '7']);
        expect(rotated.code).toBe(0);
        const renewed = (await store.getMeta('secret'))!;
        expect(renewed).not.toBe(original);

        // An instance started now signs with the new secret and still accepts the old links.
        second = await startServer({ env: { REDIS_URL: first.env.REDIS_URL, KEY_PREFIX: first.env.KEY_PREFIX }, dataDir: first.dataDir });
        const w2 = await second.createWorkshop();
        expect(createTokenSigner(renewed).verify(w2.tokens.facilitator).ok).toBe(true);
        expect(createTokenSigner(original!).verify(w2.tokens.facilitator).ok).toBe(false);
        expect(await statusOf(second, w1.id, w1.tokens.facilitator)).toBe(200);

        // The instance that was running learns of the rotation from the first new token it sees.
        await waitFor(async () => (await statusOf(first, w2.id, w2.tokens.facilitator)) === 200, 15_000, 'the running instance to accept the new secret');
        const w3 = await first.createWorkshop();
        expect(createTokenSigner(renewed).verify(w3.tokens.facilitator).ok).toBe(true);

        // A second rotation with no grace: links of the secret just replaced stop at once; the first
        // secret keeps its own seven days. A token signed with a secret never used is refused.
        expect((await runCli(env, ['rotate-secret', '--grace-days', '0'])).code).toBe(0);
        const forged = createTokenSigner('an-attacker-guessed-this-secret').sign(w1.id, 'facilitator', 0, 3600);
        // The running instance re-reads the secrets when a signature matches none (the forged one).
        await waitFor(
          async () => (await statusOf(second!, w1.id, forged)) === 401 && (await statusOf(second!, w2.id, w2.tokens.facilitator)) === 401,
          20_000,
          'the running instance to drop the secret whose grace ended'
        );
        expect(await statusOf(second, w1.id, w1.tokens.facilitator)).toBe(200);
        const w4 = await second.createWorkshop();
        expect(await statusOf(second, w4.id, w4.tokens.facilitator)).toBe(200);
      },
      SLOW
    );
  });
}

describe('operator CLI: rotating a SECRET set in the environment', () => {
  const OLD = 'the-old-secret-of-this-deployment';
  const NEW = 'the-new-secret-of-this-deployment';
  let server: PlenaryServer;
  beforeAll(async () => {
    server = await startServer({ env: { SECRET: OLD } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it(
    'refuses in the CLI and accepts SECRET_PREVIOUS until SECRET_PREVIOUS_UNTIL',
    async () => {
      const workshop = await server.createWorkshop();
      const refused = await runCli(storeEnv(server), ['rotate-secret']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('SECRET_PREVIOUS');

      await server.kill('SIGTERM');
      Object.assign(server.env, { SECRET: NEW, SECRET_PREVIOUS: OLD, SECRET_PREVIOUS_UNTIL: new Date(Date.now() + 86_400_000).toISOString() });
      await server.restart();
      expect(await statusOf(server, workshop.id, workshop.tokens.facilitator)).toBe(200);
      const fresh = await server.createWorkshop();
      expect(createTokenSigner(NEW).verify(fresh.tokens.facilitator).ok).toBe(true);

      Object.assign(server.env, { SECRET_PREVIOUS_UNTIL: '2020-01-01' });
      await server.restart();
      expect(await statusOf(server, workshop.id, workshop.tokens.facilitator)).toBe(401);
      expect(await statusOf(server, fresh.id, fresh.tokens.facilitator)).toBe(200);
    },
    SLOW
  );
});
