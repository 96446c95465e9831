/**
 * A TCP proxy in front of one or more servers, standing for a venue's Wi-Fi (and, with `route`,
 * a load balancer). `drop()` is the Wi-Fi going away as the server sees it: the device's side of
 * each connection is cut, so the device notices and reconnects, while the server's side stays
 * open and hears nothing — no FIN, no close frame — as when a phone leaves the access point's
 * range. Whatever the server sends on a dropped connection is kept, so a test can read how the
 * server closed it in the end.
 */
import net from 'node:net';

export interface DroppedLink {
  /** Bytes the server sent after the drop. */
  readonly fromServer: Buffer[];
}

export interface WifiProxy {
  /** A server's address (its http or sync base) as reached through the proxy: the same, on the proxy's port. */
  through(serverUrl: string): string;
  /** New connections go to this server's port from now on. */
  route(serverPort: number): void;
  /** Cuts every open connection on the device's side only; returns them as the server keeps them. */
  drop(): DroppedLink[];
  close(): Promise<void>;
}

interface Link {
  client: net.Socket;
  upstream: net.Socket;
  dropped: { fromServer: Buffer[] } | null;
}

/**
 * The code of the WebSocket close frame in `bytes` (a server's frames are unmasked), or null. Only
 * the frames' first bytes are read: a close frame is the last thing a server sends.
 */
export const closeCodeIn = (chunks: Buffer[]): number | null => {
  const bytes = Buffer.concat(chunks);
  let at = 0;
  while (at + 2 <= bytes.length) {
    const opcode = bytes[at]! & 0x0f;
    let length = bytes[at + 1]! & 0x7f;
    let header = 2;
    if (length === 126) {
      length = bytes.readUInt16BE(at + 2);
      header = 4;
    } else if (length === 127) {
      length = Number(bytes.readBigUInt64BE(at + 2));
      header = 10;
    }
    if (opcode === 0x8 && length >= 2) return bytes.readUInt16BE(at + header);
    at += header + length;
  }
  return null;
};

export const startWifiProxy = async (serverPort: number): Promise<WifiProxy> => {
  let target = serverPort;
  const links = new Set<Link>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target, '127.0.0.1');
    const link: Link = { client, upstream, dropped: null };
    links.add(link);
    client.on('data', (chunk: Buffer) => {
      if (!link.dropped) upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (link.dropped) link.dropped.fromServer.push(chunk);
      else client.write(chunk);
    });
    client.on('close', () => {
      // The device went away on its own (not a drop): so does its connection.
      if (!link.dropped) upstream.destroy();
    });
    upstream.on('close', () => {
      if (!link.dropped) client.destroy();
      links.delete(link);
    });
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;

  return {
    through: (serverUrl) => {
      const url = new URL(serverUrl);
      url.port = String(port);
      return url.toString().replace(/\/$/, '');
    },
    route: (next) => {
      target = next;
    },
    drop: () =>
      [...links]
        .filter((link) => !link.dropped)
        .map((link) => {
          link.dropped = { fromServer: [] };
          link.client.destroy();
          return link.dropped;
        }),
    close: async () => {
      for (const link of links) {
        link.client.destroy();
        link.upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  };
};
