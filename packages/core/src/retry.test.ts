import { describe, expect, it } from 'vitest';
import { storeErrorFromResponse } from './adapters/store-error-from-response.js';
import { signatureHint } from './diagnostics/signature-hint.js';
import { EndpointError } from './errors/endpoint-error.js';
import { ErrorCode, FerryError } from './errors/ferry-error.js';
import { isRetriesExhaustedError } from './errors/retries-exhausted-error.js';
import { Connectivity } from './connectivity.js';
import { decideRetry, DEFAULT_RETRY_POLICY, withRetry } from './retry.js';

const policy = DEFAULT_RETRY_POLICY;
const half = () => 0.5;
const xml = (code: string, message: string) =>
  `<?xml version="1.0"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;

describe('decideRetry', () => {
  it('retries network failures and 5xx with exponential backoff and full jitter', () => {
    const network = new FerryError(ErrorCode.Network, 'reset');
    expect(decideRetry(network, 0, policy, false, half)).toEqual({ retry: true, delayMs: 150 });
    expect(decideRetry(network, 3, policy, false, half)).toEqual({ retry: true, delayMs: 1200 });
    expect(decideRetry(network, 3, policy, false, () => 0)).toEqual({ retry: true, delayMs: 0 });
    const server = storeErrorFromResponse(503, xml('SlowDown', 'Reduce your request rate'), null, 1);
    expect(decideRetry(server, 0, policy, false, half)).toEqual({ retry: true, delayMs: 150 });
  });

  it('caps the backoff', () => {
    const network = new FerryError(ErrorCode.Network, 'reset');
    expect(decideRetry(network, 4, { ...policy, maxBackoffMs: 1000 }, false, () => 0.999)).toEqual({
      retry: true,
      delayMs: 999,
    });
  });

  it('honours Retry-After in seconds and as an HTTP date, clamped', () => {
    const seconds = storeErrorFromResponse(429, '', '3', undefined);
    expect(decideRetry(seconds, 0, policy, false, half)).toEqual({ retry: true, delayMs: 3000 });
    const date = storeErrorFromResponse(503, '', new Date(Date.now() + 10_000).toUTCString(), undefined);
    const decided = decideRetry(date, 0, policy, false, half);
    expect(decided.retry && decided.delayMs).toBeGreaterThan(8000);
    const long = storeErrorFromResponse(503, '', '3600', undefined);
    expect(decideRetry(long, 0, policy, false, half)).toEqual({ retry: true, delayMs: policy.maxRetryAfterMs });
  });

  it('re-signs at once after an expired URL', () => {
    const expired = storeErrorFromResponse(403, xml('AccessDenied', 'Request has expired'), null, 2);
    expect(expired.code).toBe('url-expired');
    expect(decideRetry(expired, 0, policy, false, half)).toEqual({ retry: true, delayMs: 0 });
  });

  it('never retries a signature mismatch, a 4xx, an unknown error, or anything once aborted', () => {
    const mismatch = storeErrorFromResponse(
      403,
      xml('SignatureDoesNotMatch', 'no') + '<StringToSign>x</StringToSign>',
      null,
      1,
    );
    expect(mismatch.code).toBe('signature-mismatch');
    expect(mismatch.details.StringToSign).toBe('x');
    expect(mismatch.message).toMatch(/Content-Type/);
    for (const error of [
      mismatch,
      storeErrorFromResponse(400, '', null, 1),
      new TypeError('bug'),
      new EndpointError('sign-parts', 'x', { status: 403 }),
    ]) {
      expect(decideRetry(error, 0, policy, false, half)).toEqual({ retry: false, exhausted: false });
    }
    expect(decideRetry(new FerryError(ErrorCode.Network, 'x'), 0, policy, true, half)).toEqual({
      retry: false,
      exhausted: false,
    });
  });

  it('retries an unreachable endpoint and its 5xx answers', () => {
    const down = new EndpointError('create-multipart', 'down', { code: ErrorCode.EndpointUnreachable });
    expect(decideRetry(down, 0, policy, false, half).retry).toBe(true);
    expect(decideRetry(new EndpointError('create-multipart', 'x', { status: 502 }), 0, policy, false, half).retry).toBe(
      true,
    );
  });

  it('lets a shouldRetry hook decide first', () => {
    const hooked = { ...policy, shouldRetry: () => false };
    expect(decideRetry(new FerryError(ErrorCode.Network, 'x'), 0, hooked, false, half).retry).toBe(false);
  });
});

describe('withRetry', () => {
  it('gives up after the limit with retries-exhausted carrying the last cause', async () => {
    let attempts = 0;
    const last = new FerryError(ErrorCode.Network, 'still down');
    const run = withRetry(
      async () => {
        attempts++;
        throw last;
      },
      { policy: { ...policy, limit: 2, backoffMs: 1 }, signal: new AbortController().signal },
    );
    await expect(run).rejects.toMatchObject({ code: 'retries-exhausted', cause: last, attempts: 3 });
    await expect(run).rejects.toSatisfy(isRetriesExhaustedError);
    expect(attempts).toBe(3);
  });

  it('returns the first success and reports each retry', async () => {
    const seen: number[] = [];
    let attempts = 0;
    const result = await withRetry(
      async () => {
        if (++attempts < 3) throw new FerryError(ErrorCode.Network, 'blip');
        return 'ok';
      },
      {
        policy: { ...policy, backoffMs: 1 },
        signal: new AbortController().signal,
        onRetry: ({ attempt }) => seen.push(attempt),
      },
    );
    expect(result).toBe('ok');
    expect(seen).toEqual([0, 1]);
  });
});

describe('withRetry with a network state', () => {
  /** The window's online/offline events, driven by the test. */
  function windowEvents(onLine: boolean) {
    const listeners: Record<string, (() => void)[]> = { online: [], offline: [] };
    const scope = {
      navigator: { onLine },
      addEventListener: (type: 'online' | 'offline', listener: () => void) => listeners[type]!.push(listener),
    };
    return { scope, fire: (type: 'online' | 'offline') => listeners[type]!.forEach((listener) => listener()) };
  }

  it('waits for the link before the first attempt', async () => {
    const { scope, fire } = windowEvents(false);
    const network = new Connectivity(scope);
    const started: boolean[] = [];
    const run = withRetry(async () => started.push(true), { policy, signal: new AbortController().signal, network });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toEqual([]);
    fire('online');
    await run;
    expect(started).toEqual([true]);
  });

  it('spends no attempt on failures while the link is down, and hands each attempt the link signal', async () => {
    const { scope, fire } = windowEvents(true);
    const network = new Connectivity(scope);
    let attempts = 0;
    const signals: AbortSignal[] = [];
    const result = await withRetry(
      async (_attempt, online) => {
        signals.push(online!);
        if (++attempts <= 3) {
          fire('offline');
          setTimeout(() => fire('online'), 5);
          throw new FerryError(ErrorCode.Network, 'the link went');
        }
        return 'stored';
      },
      // No retry allowed: only waiting out the outage can reach the fourth attempt.
      { policy: { ...policy, limit: 0 }, signal: new AbortController().signal, network },
    );
    expect(result).toBe('stored');
    expect(attempts).toBe(4);
    expect(signals.slice(0, 3).every((signal) => signal.aborted)).toBe(true);
    expect(signals[3]!.aborted).toBe(false);
  });
});

describe('signatureHint', () => {
  const url = (signed: string) =>
    `http://store.test/b/k?X-Amz-Signature=abc&X-Amz-SignedHeaders=${encodeURIComponent(signed)}`;

  it('names a signed header the signer did not return (so it was not sent)', () => {
    expect(signatureHint(url('content-length;content-type;host'), {})).toMatch(
      /signs content-type, which the signer's answer did not list/,
    );
  });

  it('names an x-amz- header sent without being signed', () => {
    expect(signatureHint(url('host'), { 'x-amz-meta-owner': 'me' })).toMatch(
      /x-amz-meta-owner was sent but is not signed/,
    );
  });

  it('points at the Content-Type value when it is signed and sent, and at the key or clock otherwise', () => {
    expect(signatureHint(url('content-type;host'), { 'Content-Type': 'image/png' })).toMatch(/Content-Type is signed/);
    expect(signatureHint(url('host'), {})).toMatch(/key, secret, region and clock/);
  });

  it('reads OSS V4 URLs too', () => {
    expect(signatureHint('http://oss.test/k?x-oss-additional-headers=x-oss-meta-a', {})).toMatch(/x-oss-meta-a/);
  });
});
