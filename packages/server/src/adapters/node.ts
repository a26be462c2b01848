import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FerryHandler } from '../handler.js';

/** Bodies past this are refused before they reach the handler (which has its own, smaller, limit). */
const HARD_BODY_LIMIT = 2 * 1024 * 1024;

async function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > HARD_BODY_LIMIT) return 'too-large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Adapts a {@link FerryHandler} to Node's `http` (and Express/Connect/Vite middleware, whose
 * `originalUrl` keeps the mount path, so give the handler the full `basePath`).
 *
 * @example
 * ```ts
 * http.createServer(toNodeListener(createFerryHandler(options))).listen(3000);
 * app.use('/api/uploads', toNodeListener(handler)); // Express
 * ```
 */
export function toNodeListener(
  handler: FerryHandler,
): (request: IncomingMessage, response: ServerResponse, next?: (error?: unknown) => void) => void {
  return (request, response, next) => {
    void (async () => {
      const path = (request as IncomingMessage & { originalUrl?: string }).originalUrl ?? request.url ?? '/';
      const url = new URL(path, `http://${request.headers.host ?? 'localhost'}`);
      const method = request.method ?? 'GET';
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      let body: Buffer | undefined;
      if (method !== 'GET' && method !== 'HEAD') {
        // A body declared too large is refused before a byte of it is read, and its connection
        // closed, so a flood of huge bodies costs the server next to nothing.
        const declared = Number(request.headers['content-length']);
        const read = declared > HARD_BODY_LIMIT ? 'too-large' : await readBody(request);
        if (read === 'too-large') {
          response.writeHead(413, { 'Content-Type': 'application/json', Connection: 'close' });
          response.end(JSON.stringify({ code: 'too-large', message: 'The request body is too large.' }), () =>
            request.destroy(),
          );
          return;
        }
        body = read;
      }
      const answer = await handler(new Request(url, { method, headers, ...(body ? { body } : {}) }));
      response.writeHead(answer.status, Object.fromEntries(answer.headers));
      response.end(Buffer.from(await answer.arrayBuffer()));
    })().catch((error: unknown) => {
      if (next) next(error);
      else {
        response.statusCode = 500;
        response.end();
      }
    });
  };
}
