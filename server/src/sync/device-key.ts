/**
 * A device's key: a random value the server gives each browser in the DEVICE_COOKIE cookie on
 * the app's pages, and reads back at each sync upgrade. It is not access — the link's token is —
 * only which device a connection comes from, so that the Yjs client ids a device writes under on a
 * board stay its own (writer-ids.ts). HttpOnly: the page's scripts never read it, so nothing
 * on a board can show it to anyone; SameSite=Lax, so a board link opened from a chat app (a
 * cross-site navigation) still carries it and the device keeps its key.
 */
import { createHash, randomBytes } from 'node:crypto';
import { parse } from 'hono/utils/cookie';
import { DEVICE_COOKIE, DEVICE_KEY_PATTERN } from '@plenary/shared/protocol';

/** Browsers keep a cookie at most 400 days; it is given again on each page load, so it lasts while in use. */
export const DEVICE_COOKIE_MAX_AGE_S = 400 * 24 * 3600;

export const newDeviceKey = (): string => randomBytes(16).toString('base64url');

export const isDeviceKey = (value: string | undefined): value is string => value !== undefined && DEVICE_KEY_PATTERN.test(value);

/**
 * The device a request's Cookie header names, as the sync core compares devices: the key hashed,
 * so the key itself is never kept, logged or told to another instance. Undefined without one.
 */
export const deviceOf = (cookieHeader: string | undefined): string | undefined => {
  if (!cookieHeader) return undefined;
  const key = parse(cookieHeader, DEVICE_COOKIE)[DEVICE_COOKIE];
  return isDeviceKey(key) ? createHash('sha256').update(key).digest('base64url').slice(0, 22) : undefined;
};
