/** GET /healthz and GET /metrics. */
import { Hono } from 'hono';
import type { AppDeps } from './deps.ts';
import { Callers, describeRoute } from './openapi/describe.ts';

const PING_TIMEOUT_MS = 1000;

const health = describeRoute({
  tag: 'server',
  summary: 'Whether the server and its store answer',
  description: 'For a load balancer or a supervisor: 200 while the store answers a ping within a second.',
  callers: Callers.open,
  answers: { 200: '`{ ok: true, store, storeAnswers: true }`', 503: '`{ ok: false, store, storeAnswers: false }`: the store did not answer within a second.' }
});

const metricsRoute = describeRoute({
  tag: 'server',
  summary: 'Prometheus metrics',
  callers: Callers.metrics,
  answers: { 200: { description: 'The Prometheus text format.', mediaTypes: ['text/plain; version=0.0.4; charset=utf-8'] } }
});

export const healthRoutes = ({ store, metrics }: AppDeps) =>
  new Hono()
    .get('/healthz', health, async (c) => {
      const answers = await Promise.race([
        store.ping().catch(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), PING_TIMEOUT_MS).unref())
      ]);
      return c.json({ ok: answers, store: store.kind, storeAnswers: answers }, answers ? 200 : 503);
    })
    .get('/metrics', metricsRoute, async (c) => {
      c.header('Content-Type', metrics.registry.contentType);
      return c.body(await metrics.registry.metrics());
    });
