/**
 * Where people in the room can reach this server: a facilitator whose laptop shows the app at
 * localhost shares the laptop's network address instead (GET /api/addresses, LAN first).
 */
import { call } from '$lib/api';

export interface ServerAddress {
  url: string;
  kind: 'lan' | 'local';
}

/** An origin only this computer can open (localhost, 127.x, ::1). */
export const isLocalOrigin = (origin: string): boolean => /^https?:\/\/(localhost|127\.|\[::1\])(:|\/|$)/.test(origin);

/** The server's addresses other devices can use; empty when it knows none (or is not asked from the local network). */
export const fetchLanAddresses = async (): Promise<string[]> => {
  const { addresses } = await call<{ addresses: ServerAddress[] }>('/api/addresses', { cache: 'no-store' });
  return addresses.filter((a) => a.kind === 'lan').map((a) => a.url);
};
