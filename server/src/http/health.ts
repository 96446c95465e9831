/** GET /healthz and GET /metrics. */
import { Hono } from 'hono';
import type { AppDeps } from './deps.ts';

const PING_TIMEOUT_MS = 1000;

export const healthRoutes = ({ store, metrics }: AppDeps) =>
  new Hono()
    .get('/healthz', async (c) => {
      const answers = await Promise.race([
        store.ping().catch(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), PING_TIMEOUT_MS).unref())
      ]);
      return c.json({ ok: answers, store: store.kind, storeAnswers: answers }, answers ? 200 : 503);
    })
    .get('/metrics', async (c) => {
      c.header('Content-Type', metrics.registry.contentType);
      return c.body(await metrics.registry.metrics());
    });
