import { randomBytes } from 'node:crypto';
import type { Store } from '../persistence/store.ts';
import { createTokenSigner, type SigningSecrets, type TokenSigner } from './tokens.ts';

const SECRET_KEY = 'secret';
/** Meta record: JSON `[{ secret, until }]`, secrets replaced by a rotation, each accepted until `until` (ISO 8601). */
const PREVIOUS_KEY = 'secret:previous';

/** How often an instance re-reads the secrets from the store, so it learns of a rotation. */
export const SECRET_REFRESH_MS = 30_000;
/** After a signature matched no secret, the secrets are re-read at most this often (a flood of bad tokens costs one read per period). */
export const SECRET_RECHECK_MS = 2_000;

const newSecret = (): string => randomBytes(32).toString('base64url');

/**
 * The token-signing secret: SECRET when configured; otherwise generated once and kept in the
 * store, so every instance on one Redis signs and checks tokens alike.
 */
export const resolveSecret = async (configured: string | undefined, store: Store): Promise<string> =>
  configured ?? (await store.setMetaIfAbsent(SECRET_KEY, newSecret()));

interface StoredPrevious {
  secret: string;
  until: string;
}

const readPrevious = async (store: Store): Promise<StoredPrevious[]> => {
  const raw = await store.getMeta(PREVIOUS_KEY);
  if (!raw) return [];
  try {
    const parsed = JSON.parse(raw) as unknown;
    return Array.isArray(parsed) ? parsed.filter((p): p is StoredPrevious => typeof p?.secret === 'string' && typeof p?.until === 'string') : [];
  } catch {
    return [];
  }
};

/** The store-kept secrets as a signer uses them. */
const readStoredSecrets = async (store: Store): Promise<SigningSecrets> => ({
  current: await resolveSecret(undefined, store),
  previous: (await readPrevious(store)).map((p) => ({ secret: p.secret, untilMs: Date.parse(p.until) }))
});

export interface SecretSettings {
  SECRET?: string | undefined;
  SECRET_PREVIOUS?: string | undefined;
  SECRET_PREVIOUS_UNTIL?: string | undefined;
}

/** Whether the secrets come from the environment (rotated by changing SECRET / SECRET_PREVIOUS) or from the store. */
export const secretsConfigured = (config: SecretSettings): boolean => config.SECRET !== undefined;

/**
 * Replaces the store-kept secret with a new one; the replaced secret (and any earlier one still in
 * its grace) stays accepted until `graceDays` from now. The previous secrets are written first, so
 * at no moment is a valid link refused. Returns when the grace ends.
 */
export const rotateStoredSecret = async (store: Store, graceDays: number, now = Date.now()): Promise<{ graceEndsAt: string; stillAccepted: number }> => {
  const current = await resolveSecret(undefined, store);
  const graceEndsAt = new Date(now + graceDays * 86_400_000).toISOString();
  const kept = (await readPrevious(store)).filter((p) => Date.parse(p.until) > now && p.secret !== current);
  const previous = [{ secret: current, until: graceEndsAt }, ...kept];
  await store.setMeta(PREVIOUS_KEY, JSON.stringify(previous));
  await store.setMeta(SECRET_KEY, newSecret());
  return { graceEndsAt, stillAccepted: previous.length };
};

export interface SecretKeeper {
  readonly signer: TokenSigner;
  /** Reads the secrets again now (no-op when they come from the environment). */
  refresh(): Promise<void>;
  stop(): void;
}

interface KeeperLog {
  warn(obj: object, msg: string): void;
}

/**
 * The signer of this process. With SECRET configured: SECRET signs, SECRET_PREVIOUS is accepted
 * until SECRET_PREVIOUS_UNTIL. Otherwise the secrets kept in the store, read at start, every
 * SECRET_REFRESH_MS, and again (at most every SECRET_RECHECK_MS) when a signature matches none,
 * so a rotation made by the operator CLI or another instance reaches every instance.
 */
export const createSecretKeeper = async (config: SecretSettings, store: Store, log: KeeperLog): Promise<SecretKeeper> => {
  if (config.SECRET !== undefined) {
    const fixed: SigningSecrets = {
      current: config.SECRET,
      previous:
        config.SECRET_PREVIOUS && config.SECRET_PREVIOUS_UNTIL ? [{ secret: config.SECRET_PREVIOUS, untilMs: Date.parse(config.SECRET_PREVIOUS_UNTIL) }] : []
    };
    return { signer: createTokenSigner(() => fixed), refresh: async () => undefined, stop: () => undefined };
  }
  let secrets = await readStoredSecrets(store);
  let lastRead = Date.now();
  let reading: Promise<void> | null = null;
  const refresh = (): Promise<void> =>
    (reading ??= readStoredSecrets(store)
      .then((next) => {
        secrets = next;
      })
      .catch((err: unknown) => log.warn({ err }, 'could not re-read the signing secrets; keeping the ones in use'))
      .finally(() => {
        lastRead = Date.now();
        reading = null;
      }));
  const timer = setInterval(() => void refresh(), SECRET_REFRESH_MS);
  timer.unref();
  const signer = createTokenSigner(() => secrets, {
    onBadSignature: () => {
      if (Date.now() - lastRead >= SECRET_RECHECK_MS) void refresh();
    }
  });
  return { signer, refresh, stop: () => clearInterval(timer) };
};
