/**
 * Where the sync endpoint lives: the same origin as the page, over ws: or wss: to match http(s),
 * so a board opened from a LAN address (http://192.168.1.20:3000) syncs with that same server.
 */
import { SYNC_PATH } from '@plenary/shared/protocol';

export const syncBaseUrl = (origin: string = location.origin): string => origin.replace(/^http/, 'ws') + SYNC_PATH;
