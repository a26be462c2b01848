import { describe, expect, it } from 'vitest';
import { PartUrls } from './part-urls.js';
import type { Endpoint, SignedPart } from './ports/endpoint.js';

/** A fake signer (no store behind it) that records each batch it is asked to sign. */
function fakeCountingSigner(lifetimeMs = 60_000) {
  const batches: number[][] = [];
  const endpoint = {
    async signParts({ partNumbers }) {
      batches.push([...partNumbers]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return partNumbers.map(
        (partNumber): SignedPart => ({ method: 'PUT', partNumber, url: `fake://${partNumber}`, headers: {}, expiresAt: Date.now() + lifetimeMs }),
      );
    },
  } as Pick<Endpoint, 'signParts'> as Endpoint;
  return { endpoint, batches };
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
    const { endpoint, batches } = fakeCountingSigner();
    const done = new Set<number>();
    const urls = partUrls(endpoint, done);
    const signal = new AbortController().signal;
    let next = 1;
    const waits: number[] = [];
    const worker = async () => {
      while (next <= 64) {
        const n = next++;
        const started = performance.now();
        const part = await urls.get(n, signal);
        waits.push(performance.now() - started);
        expect(part.url).toBe(`fake://${n}`);
        await new Promise((resolve) => setTimeout(resolve, 2)); // the PUT
        done.add(n);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    expect(batches).toHaveLength(4);
    expect(batches.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 64 }, (_, i) => i + 1));
    // Only the first parts waited for a signature; later batches arrived ahead of need.
    expect(waits.filter((ms) => ms >= 4).length).toBeLessThanOrEqual(4);
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
});
