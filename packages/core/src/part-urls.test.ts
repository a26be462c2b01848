import { describe, expect, it } from 'vitest';
import { PartUrls } from './part-urls.js';
import type { Endpoint, SignedPart } from './ports/endpoint.js';

/** A fake signer (no store behind it) that records each batch it is asked to sign. */
function fakeCountingSigner(lifetimeMs = 60_000, taken: () => number = () => 0) {
  const batches: number[][] = [];
  /** For each batch: how many URLs had been signed before it, and how many parts taken. */
  const asked: { signed: number; taken: number }[] = [];
  const endpoint = {
    async signParts({ partNumbers }) {
      asked.push({ signed: batches.flat().length, taken: taken() });
      batches.push([...partNumbers]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return partNumbers.map((partNumber): SignedPart => ({
        method: 'PUT',
        partNumber,
        url: `fake://${partNumber}`,
        headers: {},
        expiresAt: Date.now() + lifetimeMs,
      }));
    },
  } as Pick<Endpoint, 'signParts'> as Endpoint;
  return { endpoint, batches, asked };
}

function partUrls(endpoint: Endpoint, done: Set<number>, partCount = 64) {
  return new PartUrls({
    endpoint,
    handle: { uploadId: 'u', key: 'k' },
    batchSize: 16,
    refillAhead: 4,
    partCount,
    isDone: (n) => done.has(n),
    call: (task, signal) => task({ signal }),
  });
}

describe('PartUrls', () => {
  it('signs 64 parts taken by 4 workers in 4 requests, each batch asked for before the last ran out', async () => {
    let next = 1;
    const { endpoint, batches, asked } = fakeCountingSigner(60_000, () => next - 1);
    const done = new Set<number>();
    const urls = partUrls(endpoint, done);
    const signal = new AbortController().signal;
    const worker = async () => {
      while (next <= 64) {
        const n = next++;
        const part = await urls.get(n, signal);
        expect(part.url).toBe(`fake://${n}`);
        await new Promise((resolve) => setTimeout(resolve, 2)); // the PUT
        done.add(n);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    expect(batches).toHaveLength(4);
    expect(batches.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 64 }, (_, i) => i + 1));
    // Every batch after the first was asked for while signed URLs were still left to take (no
    // wall-clock timing: the order of events says it).
    for (const { signed, taken } of asked.slice(1)) expect(taken).toBeLessThan(signed);
  });

  it('signs a URL again when it is close to expiry, and after invalidate()', async () => {
    const { endpoint, batches } = fakeCountingSigner(40);
    const urls = partUrls(endpoint, new Set(), 2);
    const signal = new AbortController().signal;
    await urls.get(1, signal);
    await new Promise((resolve) => setTimeout(resolve, 35)); // 5 ms of 40 left: under a quarter
    await urls.get(1, signal);
    expect(batches.length).toBe(2);
    urls.invalidate(2);
    await urls.get(2, signal);
    expect(batches.at(-1)).toContain(2);
  });

  it('never asks for parts already stored', async () => {
    const { endpoint, batches } = fakeCountingSigner();
    const urls = partUrls(endpoint, new Set([2, 3, 5]), 6);
    await urls.get(1, new AbortController().signal);
    expect(batches[0]).toEqual([1, 4, 6]);
  });

  it("a failed re-sign of a stale URL is the caller's error, not a silent loop of signing again", async () => {
    let calls = 0;
    const endpoint = {
      async signParts({ partNumbers }) {
        calls++;
        if (calls > 1) throw new Error('the endpoint refused');
        // Already past its freshness margin: the next get() must sign again.
        return partNumbers.map((partNumber): SignedPart => ({
          method: 'PUT',
          partNumber,
          url: `fake://${partNumber}`,
          headers: {},
          expiresAt: Date.now() + 10,
        }));
      },
    } as Pick<Endpoint, 'signParts'> as Endpoint;
    const urls = partUrls(endpoint, new Set(), 1);
    const signal = new AbortController().signal;
    await urls.get(1, signal).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(urls.get(1, signal)).rejects.toThrow('the endpoint refused');
    expect(calls).toBeLessThanOrEqual(3);
  });
});
