/**
 * GET /api/addresses — the addresses people in the room can open this server at, so a facilitator
 * whose laptop shows the app at localhost can share a link that works on the delegates' phones.
 *
 * Answers `{ addresses: [{ url, kind }] }`: the machine's LAN IPv4 addresses first (kind `lan`),
 * then this machine's own (`local`). Only callers on this machine or its local network are told
 * (they are the ones the addresses help; a caller from elsewhere gets an empty list, so a public
 * server never lists its private interfaces). Nothing here is secret otherwise: it is what the
 * server prints when it starts.
 */
import { networkInterfaces } from 'node:os';
import { Hono } from 'hono';
import type { AppDeps } from './deps.ts';
import { Callers, describeRoute } from './openapi/describe.ts';
import { clientAddress, isLocalNetwork } from './limits/client-address.ts';

export const AddressKind = { lan: 'lan', local: 'local' } as const;
export type AddressKind = (typeof AddressKind)[keyof typeof AddressKind];

export interface ServerAddress {
  url: string;
  kind: AddressKind;
}

/** Hosts that mean "every interface" when the server is bound to them. */
const EVERY_INTERFACE = new Set(['0.0.0.0', '::', '']);

/** The machine's non-internal IPv4 addresses, in the order the system lists them. */
const lanIPv4 = (): string[] =>
  Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);

/** What the server is reachable at on this port, given the host it is bound to. */
export const serverAddresses = (host: string, port: number): ServerAddress[] => {
  const url = (address: string) => `http://${address}:${port}`;
  if (!EVERY_INTERFACE.has(host)) {
    const loopback = host === 'localhost' || host.startsWith('127.') || host === '::1';
    return [{ url: url(host.includes(':') ? `[${host}]` : host), kind: loopback ? AddressKind.local : AddressKind.lan }];
  }
  return [...lanIPv4().map((a) => ({ url: url(a), kind: AddressKind.lan })), { url: url('localhost'), kind: AddressKind.local }];
};

/** The port this request arrived on (the listening port), else the configured one. */
const localPort = (env: unknown, fallback: number): number => {
  const port = (env as { incoming?: { socket?: { localPort?: number } } } | undefined)?.incoming?.socket?.localPort;
  return typeof port === 'number' && port > 0 ? port : fallback;
};

const addresses = describeRoute({
  tag: 'server',
  summary: 'The addresses people in the room can open this server at',
  description: 'Told only to callers on this machine or its local network; anyone else gets an empty list.',
  callers: Callers.open,
  answers: { 200: '`{ addresses: [{ url, kind: "lan" | "local" }] }`, LAN addresses first.' }
});

export const addressRoutes = ({ config }: AppDeps) =>
  new Hono().get('/addresses', addresses, (c) => {
    if (!isLocalNetwork(clientAddress(c, config.TRUST_PROXY))) return c.json({ addresses: [] });
    c.header('Cache-Control', 'no-store');
    return c.json({ addresses: serverAddresses(config.HOST, localPort(c.env, config.PORT)) });
  });
