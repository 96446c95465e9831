/**
 * GET /metrics tells how busy the server is and which boards are open: not for anyone on the
 * Wi-Fi. With METRICS_TOKEN set it needs `Authorization: Bearer <token>` (from any address, for a
 * Prometheus elsewhere); without it, it answers loopback only.
 */
import type { MiddlewareHandler } from 'hono';
import { sameSecret } from '../../auth/same-secret.ts';
import type { Config } from '../../config.ts';
import { clientAddress, isLoopback } from './client-address.ts';
import { RefusalReason, type Refuse } from './refusal.ts';

const ROUTE = 'metrics';

export const metricsAccess =
  (config: Config, refuse: Refuse): MiddlewareHandler =>
  async (c, next) => {
    const address = clientAddress(c, config.TRUST_PROXY);
    if (config.METRICS_TOKEN) {
      if (!sameSecret(c.req.header('authorization') ?? '', `Bearer ${config.METRICS_TOKEN}`)) {
        return refuse(c, {
          status: 401,
          reason: RefusalReason.metricsForbidden,
          route: ROUTE,
          address,
          error: 'authorization: the metrics token is required',
          field: 'authorization'
        });
      }
    } else if (!isLoopback(address)) {
      return refuse(c, {
        status: 403,
        reason: RefusalReason.metricsForbidden,
        route: ROUTE,
        address,
        error: 'authorization: /metrics answers this machine only; set METRICS_TOKEN to read it from elsewhere',
        field: 'authorization'
      });
    }
    await next();
  };
