/**
 * Everything that keeps the HTTP API standing under abuse, built once from the config. app.ts
 * mounts them; docs/SECURITY.md lists every limit.
 */
import type { Config } from '../../config.ts';
import type { Logger } from '../../log.ts';
import type { Metrics } from '../../metrics.ts';
import { limitBodies } from './body.ts';
import { createRefuse } from './refusal.ts';

export const createLimits = ({ config, log, metrics }: { config: Config; log: Logger; metrics: Metrics; webDir: string }) => {
  const refuse = createRefuse(log, metrics);
  return {
    bodies: limitBodies(refuse, config.TRUST_PROXY)
  };
};
export type Limits = ReturnType<typeof createLimits>;
