/**
 * Everything that keeps the HTTP API standing under abuse, built once from the config: body
 * sizes, per-address rates and the join-code lock-out (memory, or Redis when REDIS_URL is set),
 * the workshop-creation policy, /metrics access and security headers. app.ts mounts them;
 * docs/SECURITY.md lists every limit.
 */
import type { Config } from '../../config.ts';
import type { Logger } from '../../log.ts';
import type { Metrics } from '../../metrics.ts';
import { limitBodies } from './body.ts';
import { createJoinGuard, type JoinGuard } from './join-guard.ts';
import { createLimiterStore } from './limiter-store.ts';
import { metricsAccess } from './metrics-access.ts';
import { rateLimit } from './rate.ts';
import { createRefuse, RefusalReason } from './refusal.ts';
import { securityHeaders } from './security-headers.ts';
import { workshopCreationPolicy } from './workshop-creation.ts';

export type { JoinGuard };

export const createLimits = ({ config, log, metrics, webDir }: { config: Config; log: Logger; metrics: Metrics; webDir: string }) => {
  const refuse = createRefuse(log, metrics);
  const store = createLimiterStore(config, log);
  return {
    headers: securityHeaders(webDir),
    bodies: limitBodies(refuse, config.TRUST_PROXY),
    createWorkshop: workshopCreationPolicy(config, store, refuse),
    registerParticipant: rateLimit(refuse, config.TRUST_PROXY, {
      limiter: store.limiter({ name: 'register', points: config.REGISTER_PER_MINUTE, durationSec: 60 }),
      reason: RefusalReason.registerRate,
      route: 'register-participant',
      error: 'too many registrations from this address'
    }),
    followUpUpdate: rateLimit(refuse, config.TRUST_PROXY, {
      limiter: store.limiter({ name: 'progress', points: config.PROGRESS_PER_MINUTE, durationSec: 60 }),
      reason: RefusalReason.progressRate,
      route: 'follow-up-update',
      error: 'too many progress updates from this address'
    }),
    join: createJoinGuard(config, store, refuse),
    metrics: metricsAccess(config, refuse),
    close: () => store.close()
  };
};
export type Limits = ReturnType<typeof createLimits>;
