import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A signing server listening on loopback. */
export interface SigningServer {
  readonly server: Server;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves `listener` on a free loopback port; with `cors`, pages on any origin may call it (tests
 * serve pages from another port), preflights answered here.
 * @example
 * ```ts
 * const { origin } = await startSigningServer(toNodeListener(handler), true);
 * ```
 */
export async function startSigningServer(
  listener: (request: IncomingMessage, response: ServerResponse) => void,
  cors: boolean,
): Promise<SigningServer> {
  const server = createServer((request, response) => {
    if (cors) {
      response.setHeader('Access-Control-Allow-Origin', '*');
      response.setHeader('Access-Control-Allow-Headers', '*');
      response.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE');
      if (request.method === 'OPTIONS') {
        response.end();
        return;
      }
    }
    listener(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
