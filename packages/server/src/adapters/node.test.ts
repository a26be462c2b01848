import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNodeListener } from './node.js';

// The Node adapter refuses a body declared too large before reading a byte of it, so a flood
// of huge bodies costs the server next to nothing (the bench measures it under load).
let server: Server;
let port = 0;
let handled = 0;

beforeAll(async () => {
  server = createServer(
    toNodeListener(() => {
      handled++;
      return Promise.resolve(new Response('{}'));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('toNodeListener', () => {
  it('answers 413 to a body declared over 2 MiB without waiting for it, and closes the connection', async () => {
    const answer = await new Promise<{ status: number; connection: string | undefined; body: string }>(
      (resolve, reject) => {
        const request = httpRequest({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/multipart',
          headers: { 'content-type': 'application/json', 'content-length': String(64 * 1024 * 1024) },
        });
        request.on('response', (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, body }),
          );
        });
        request.on('error', reject);
        // Only a few bytes of the 64 MiB declared are ever sent: the answer must not wait for the rest.
        request.write('{"filename":');
      },
    );
    expect(answer.status).toBe(413);
    expect(answer.connection).toBe('close');
    expect(JSON.parse(answer.body)).toEqual({ code: 'too-large', message: 'The request body is too large.' });
    expect(handled).toBe(0);
  });

  it('still passes a body within the limit to the handler', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/multipart`, { method: 'POST', body: '{"a":1}' });
    expect(response.status).toBe(200);
    expect(handled).toBe(1);
  });
});
