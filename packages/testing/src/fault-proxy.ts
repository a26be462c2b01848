import { createServer, request as forward, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Transform, type Readable } from 'node:stream';

/** What a rule does to a request it matches. */
export type Fault =
  /** Answers this status (with CORS headers, so a browser sees it) without forwarding. */
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly headers?: Record<string, string>;
      readonly body?: string;
    }
  /** Reads `afterBytes` of the body, then resets the connection. */
  | { readonly kind: 'reset'; readonly afterBytes: number }
  /** Takes the body and never answers. */
  | { readonly kind: 'stall' }
  /** Waits `ms`, then forwards. */
  | { readonly kind: 'delay'; readonly ms: number }
  /** Forwards the request body at most `bytesPerSecond` fast. */
  | { readonly kind: 'throttle'; readonly bytesPerSecond: number }
  /** Forwards the request with the body's byte at `offset` flipped (a corrupted part). */
  | { readonly kind: 'corrupt'; readonly offset: number };

/** Which requests a rule applies to, and how many times. */
export interface FaultRule {
  /** HTTP method. @default any */
  readonly method?: string;
  /** Tested against path and query, e.g. `/partNumber=2/`. @default any */
  readonly url?: RegExp;
  /** Applies to this many matching requests, then lets the rest through. @default 1 */
  readonly times?: number;
  readonly fault: Fault;
}

/** A request the proxy saw, and what it did with it. */
export interface ProxiedRequest {
  readonly method: string;
  readonly url: string;
  readonly fault: Fault['kind'] | 'forwarded';
}

/** A running fault-injecting proxy. */
export interface FaultProxy {
  /** Base URL to use instead of the target's. */
  readonly url: string;
  /** Adds a rule; rules are tried in the order added. */
  inject(rule: FaultRule): void;
  /** Removes every rule not yet used up. */
  clear(): void;
  /** Every request so far. */
  readonly requests: readonly ProxiedRequest[];
  close(): Promise<void>;
}

/** Lets bytes through at most `bytesPerSecond` fast. */
function throttled(bytesPerSecond: number): Transform {
  const started = Date.now();
  let sent = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sent += chunk.length;
      const due = started + (sent / bytesPerSecond) * 1000;
      setTimeout(() => done(null, chunk), Math.max(0, due - Date.now()));
    },
  });
}

/** Flips every bit of the byte at `offset` of the stream. */
function flipByte(offset: number): Transform {
  let position = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (offset >= position && offset < position + chunk.length) {
        chunk = Buffer.from(chunk);
        chunk[offset - position] = chunk[offset - position]! ^ 0xff;
      }
      position += chunk.length;
      done(null, chunk);
    },
  });
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Retry-After',
};

/**
 * Starts an HTTP proxy on 127.0.0.1 in front of `target` that injects scripted faults: answers
 * with any status, connection resets mid-body, stalls and delays. It forwards everything else
 * untouched, the `Host` header included, so SigV4 signatures made for the proxy's address still
 * verify at the store.
 *
 * @example
 * ```ts
 * const proxy = await startFaultProxy(store.endpoint);
 * proxy.inject({ method: 'PUT', url: /partNumber=2/, fault: { kind: 'status', status: 503 } });
 * ```
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const rules: { rule: FaultRule; left: number }[] = [];
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();

  const pick = (request: IncomingMessage): Fault | undefined => {
    for (const entry of rules) {
      if (entry.left <= 0) continue;
      const { method, url } = entry.rule;
      if (method && method !== request.method) continue;
      if (url && !url.test(request.url ?? '')) continue;
      entry.left--;
      return entry.rule.fault;
    }
    return undefined;
  };

  const drain = (request: IncomingMessage): Promise<void> =>
    new Promise((resolve) => {
      request.on('data', () => undefined);
      request.on('end', resolve);
      request.on('close', resolve);
    });

  const pass = (request: IncomingMessage, response: ServerResponse, body: Readable = request): void => {
    const upstream = forward(
      new URL(request.url ?? '/', target),
      { method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    // A client that goes away mid-body (an aborted or paused PUT) drops the upstream request too,
    // as a real network would; otherwise the store waits for the rest of the body for good.
    response.on('close', () => {
      if (!response.writableFinished) upstream.destroy();
    });
    body.pipe(upstream);
  };

  const server: Server = createServer((request, response) => {
    const fault = pick(request);
    requests.push({ method: request.method ?? '', url: request.url ?? '', fault: fault?.kind ?? 'forwarded' });
    if (!fault) return pass(request, response);
    switch (fault.kind) {
      case 'status':
        void drain(request).then(() => {
          response.writeHead(fault.status, { ...CORS, ...fault.headers });
          response.end(fault.body ?? '');
        });
        return;
      case 'reset': {
        let seen = 0;
        request.on('data', (chunk: Buffer) => {
          seen += chunk.length;
          if (seen >= fault.afterBytes) request.socket.destroy();
        });
        request.on('end', () => request.socket.destroy());
        return;
      }
      case 'stall':
        request.on('data', () => undefined);
        return;
      case 'delay':
        setTimeout(() => pass(request, response), fault.ms);
        return;
      case 'throttle':
        pass(request, response, request.pipe(throttled(fault.bytesPerSecond)));
        return;
      case 'corrupt':
        pass(request, response, request.pipe(flipByte(fault.offset)));
        return;
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    inject: (rule) => rules.push({ rule, left: rule.times ?? 1 }),
    clear: () => void rules.splice(0),
    requests,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
