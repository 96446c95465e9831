/**
 * A TCP proxy in front of a Redis, for tests of a Redis that hangs rather than disconnects: while
 * held, what the server sends is kept back (connections stay open, nothing is answered), and
 * released it is forwarded in order, as from a Redis that was stuck for a while. `hold('scripts')`
 * holds only the connections that run Lua scripts — the store's, whose appends are scripts — and
 * lets pub/sub through, so one instance's writes stall while its fan-out flows.
 * A connection the server closes meanwhile loses what was kept back, as with a real hang.
 */
import net from 'node:net';

export type HoldMode = 'all' | 'scripts';

export interface RedisProxy {
  /** redis://127.0.0.1:<proxy port> */
  readonly url: string;
  hold(mode?: HoldMode): void;
  release(): void;
  close(): Promise<void>;
}

interface Link {
  client: net.Socket;
  upstream: net.Socket;
  runsScripts: boolean;
  kept: Buffer[];
}

export const startRedisProxy = async (target: string): Promise<RedisProxy> => {
  const { hostname, port } = new URL(target);
  const links = new Set<Link>();
  let holding: HoldMode | null = null;
  const held = (link: Link) => holding === 'all' || (holding === 'scripts' && link.runsScripts);

  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    const link: Link = { client, upstream, runsScripts: false, kept: [] };
    links.add(link);
    client.on('data', (chunk: Buffer) => {
      if (chunk.includes('$7\r\nEVALSHA\r\n') || chunk.includes('$4\r\nEVAL\r\n')) link.runsScripts = true;
      if (held(link) || link.kept.length > 0) link.kept.push(chunk);
      else upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    const end = () => {
      links.delete(link);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;

  return {
    url: `redis://127.0.0.1:${address.port}`,
    hold: (mode = 'all') => {
      holding = mode;
    },
    release: () => {
      holding = null;
      for (const link of links) {
        for (const chunk of link.kept.splice(0)) link.upstream.write(chunk);
      }
    },
    close: async () => {
      for (const link of links) {
        link.client.destroy();
        link.upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  };
};
