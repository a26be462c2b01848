import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stand-in for the application's upload-callback route, which OSS POSTs to once an object is stored. */
export interface CallbackServer {
  /** The callback URL to configure. */
  readonly url: string;
  /** Every body OSS sent, in order. */
  readonly received: readonly string[];
  close(): Promise<void>;
}

/**
 * Starts a callback server on loopback that answers `{ ok: true, got: <the body it was sent> }`
 * as JSON, so tests can see the answer travel back to the page.
 * @example
 * ```ts
 * const callbacks = await startCallbackServer();
 * createOssProvider({ ..., callback: { url: callbacks.url, body: 'object=${object}' } });
 * ```
 */
export async function startCallbackServer(): Promise<CallbackServer> {
  const received: string[] = [];
  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    let body = '';
    for await (const chunk of request as AsyncIterable<Buffer>) body += chunk.toString();
    received.push(body);
    response.setHeader('Content-Type', 'application/json');
    response.end(JSON.stringify({ ok: true, got: body }));
  };
  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/stored`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
