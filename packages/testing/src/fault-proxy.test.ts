import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';

/** An echo server standing in for the store: answers with the SHA-256 and size of what it got. */
let echo: Server;
let proxy: FaultProxy;

beforeAll(async () => {
  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of request as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
    }
    response.end(JSON.stringify({ sha256: hash.digest('hex'), size, host: request.headers.host }));
  };
  echo = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  proxy = await startFaultProxy(`http://127.0.0.1:${(echo.address() as AddressInfo).port}`);
});
afterAll(async () => {
  await proxy.close();
  echo.close();
});
afterEach(() => proxy.clear());

const body = Buffer.alloc(256 * 1024, 7);
const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const put = (path = '/x') => fetch(proxy.url + path, { method: 'PUT', body });
/** What the echo server answers: the SHA-256 and size of the body it got, and the Host header. */
const echoed = async (response: Response) => (await response.json()) as { sha256: string; size: number; host: string };

describe('fault proxy', () => {
  it('forwards untouched, Host header included (signatures made for the proxy still verify)', async () => {
    const answer = await echoed(await put());
    expect(answer).toEqual({ sha256: sha(body), size: body.length, host: new URL(proxy.url).host });
    expect(proxy.requests.at(-1)).toMatchObject({ method: 'PUT', url: '/x', fault: 'forwarded' });
  });

  it('answers a scripted status with CORS headers, only as many times as asked, only where it matches', async () => {
    proxy.inject({
      method: 'PUT',
      url: /partNumber=2/,
      times: 2,
      fault: { kind: 'status', status: 503, headers: { 'Retry-After': '1' } },
    });
    expect((await put('/x?partNumber=1')).status).toBe(200);
    const refused = await put('/x?partNumber=2');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    expect((await put('/x?partNumber=2')).status).toBe(503);
    expect((await put('/x?partNumber=2')).status).toBe(200);
  });

  it('resets the connection mid-body', async () => {
    proxy.inject({ fault: { kind: 'reset', afterBytes: 1024 } });
    await expect(put()).rejects.toThrow();
  });

  it('stalls: takes the body and never answers', async () => {
    proxy.inject({ fault: { kind: 'stall' } });
    await expect(fetch(proxy.url, { method: 'PUT', body, signal: AbortSignal.timeout(300) })).rejects.toThrow(
      /aborted|timeout/i,
    );
  });

  it('flips one byte of the body', async () => {
    proxy.inject({ fault: { kind: 'corrupt', offset: 1000 } });
    const corrupted = Buffer.from(body);
    corrupted[1000] = corrupted[1000]! ^ 0xff;
    expect((await echoed(await put())).sha256).toBe(sha(corrupted));
  });

  it('throttles and delays', async () => {
    proxy.inject({ fault: { kind: 'throttle', bytesPerSecond: 512 * 1024 } });
    let started = performance.now();
    expect((await echoed(await put())).size).toBe(body.length);
    expect(performance.now() - started).toBeGreaterThanOrEqual(400); // 256 KiB at 512 KiB/s
    proxy.inject({ fault: { kind: 'delay', ms: 200 } });
    started = performance.now();
    await put();
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });
});
