/**
 * Who a request comes from, as far as limits are concerned: the socket's remote address, or —
 * only when TRUST_PROXY says proxies stand in front — the address the outermost trusted proxy
 * saw, read from X-Forwarded-For. A client can write anything into X-Forwarded-For, so with
 * TRUST_PROXY=0 the header is never read.
 */
import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** The address used when none can be read (an in-process request): never loopback, never private. */
export const UNKNOWN_ADDRESS = 'unknown';

const plain = (address: string): string => {
  const a = address.trim().toLowerCase();
  // An IPv4 client on a dual-stack socket appears as ::ffff:a.b.c.d.
  return a.startsWith('::ffff:') && isIP(a.slice(7)) === 4 ? a.slice(7) : a;
};

/**
 * The client's address. With `trustProxy` = N, the Nth address from the right of
 * X-Forwarded-For (each proxy appends the address it received the request from); when the header
 * has fewer entries, the leftmost one.
 */
export const clientAddress = (c: Context, trustProxy: number): string => {
  let socket: string | undefined;
  try {
    socket = getConnInfo(c).remote.address;
  } catch {
    socket = undefined;
  }
  if (trustProxy > 0) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => plain(s))
      .filter((s) => isIP(s) !== 0);
    const chosen = hops[Math.max(0, hops.length - trustProxy)];
    if (chosen) return chosen;
  }
  return socket ? plain(socket) : UNKNOWN_ADDRESS;
};

/**
 * The key an address is counted under: an IPv6 client usually holds a whole /64, so it counts as
 * one address (otherwise it could rotate through 2^64 of them).
 */
export const limitKey = (address: string): string => {
  if (isIP(address) !== 6) return address;
  const groups = expandIpv6(address);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : address;
};

const expandIpv6 = (address: string): string[] | null => {
  const [head, tail] = address.split('%')[0]!.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  if (tail === undefined && left.length !== 8) return null;
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...zeros, ...right].map((g) => g.padStart(4, '0'));
};

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Addresses of the local network: RFC 1918, link-local, IPv6 unique-local and link-local. */
const local = new BlockList();
local.addSubnet('10.0.0.0', 8, 'ipv4');
local.addSubnet('172.16.0.0', 12, 'ipv4');
local.addSubnet('192.168.0.0', 16, 'ipv4');
local.addSubnet('169.254.0.0', 16, 'ipv4');
local.addSubnet('fc00::', 7, 'ipv6');
local.addSubnet('fe80::', 10, 'ipv6');

const check = (list: BlockList, address: string): boolean => {
  const family = isIP(address);
  if (family === 0) return false;
  return list.check(address.split('%')[0]!, family === 4 ? 'ipv4' : 'ipv6');
};

export const isLoopback = (address: string): boolean => check(loopback, address);

/** Loopback or the local network (the venue's Wi-Fi). */
export const isLocalNetwork = (address: string): boolean => isLoopback(address) || check(local, address);
