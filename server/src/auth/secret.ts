import { randomBytes } from 'node:crypto';
import type { Store } from '../persistence/store.ts';

const SECRET_KEY = 'secret';

/**
 * The token-signing secret: SECRET when configured; otherwise generated once and kept in the
 * store, so every instance on one Redis signs and checks tokens alike.
 */
export const resolveSecret = async (configured: string | undefined, store: Store): Promise<string> =>
  configured ?? (await store.setMetaIfAbsent(SECRET_KEY, randomBytes(32).toString('base64url')));
