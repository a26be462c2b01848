import { describe, expect, it } from 'vitest';
import { planParts } from './part-plan.js';
import { S3_LIMITS, STORE_PROFILES } from './protocol/store-profiles.js';

const MiB = 1024 * 1024;

describe('planParts', () => {
  it('cuts a file into equal parts and a smaller last one, covering every byte once', () => {
    const plan = planParts(23 * MiB, 8 * MiB);
    expect(plan.partSize).toBe(8 * MiB);
    expect(plan.parts).toEqual([
      { number: 1, start: 0, end: 8 * MiB },
      { number: 2, start: 8 * MiB, end: 16 * MiB },
      { number: 3, start: 16 * MiB, end: 23 * MiB },
    ]);
  });

  it('makes one part of exactly the part size, and two of part size + 1 byte', () => {
    expect(planParts(5 * MiB, 5 * MiB).parts).toEqual([{ number: 1, start: 0, end: 5 * MiB }]);
    expect(planParts(5 * MiB + 1, 5 * MiB).parts.map((p) => p.end - p.start)).toEqual([5 * MiB, 1]);
  });

  it('a 1-byte file is one 1-byte part', () => {
    expect(planParts(1, 5 * MiB).parts).toEqual([{ number: 1, start: 0, end: 1 }]);
  });

  it('grows the part size, in whole MiB, so that no file needs more than 10,000 parts', () => {
    const size = 10_000 * 5 * MiB + 1;
    const plan = planParts(size, 5 * MiB);
    expect(plan.partSize).toBe(6 * MiB);
    expect(plan.parts.length).toBeLessThanOrEqual(S3_LIMITS.maxParts);
    expect(plan.parts.at(-1)!.end).toBe(size);
    const exact = planParts(10_000 * 5 * MiB, 5 * MiB);
    expect(exact.partSize).toBe(5 * MiB);
    expect(exact.parts.length).toBe(10_000);
  });

  it('plans a 5 TiB file within the limits', () => {
    const plan = planParts(5 * 1024 * 1024 * MiB, 8 * MiB);
    expect(plan.parts.length).toBeLessThanOrEqual(10_000);
    expect(plan.partSize).toBeLessThanOrEqual(S3_LIMITS.maxPartSize);
  });

  it('refuses sizes and part sizes the store would refuse, with code invalid-input', () => {
    for (const [size, partSize] of [
      [0, 5 * MiB],
      [-1, 5 * MiB],
      [1.5, 5 * MiB],
      [10, 5 * MiB - 1],
      [49 * 1024 * 1024 * MiB, 8 * MiB],
    ] as const) {
      expect(() => planParts(size, partSize), `${size}/${partSize}`).toThrow(
        expect.objectContaining({ code: 'invalid-input' }),
      );
    }
  });

  it("obeys each store's profile: OSS takes 100 KiB parts, R2 cuts equal parts under its lower ceiling, objects over the limit are refused", () => {
    expect(planParts(350 * 1024, 100 * 1024, STORE_PROFILES.oss).parts).toHaveLength(4);
    expect(() => planParts(350 * 1024, 100 * 1024, STORE_PROFILES.s3)).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
    const r2 = STORE_PROFILES.r2;
    const plan = planParts(r2.maxObjectSize, 8 * MiB, r2);
    const sizes = new Set(plan.parts.slice(0, -1).map((part) => part.end - part.start));
    expect([...sizes]).toEqual([plan.partSize]);
    expect(plan.partSize).toBeLessThanOrEqual(r2.maxPartSize);
    expect(plan.parts.length).toBeLessThanOrEqual(r2.maxParts);
    expect(() => planParts(r2.maxObjectSize + 1, 8 * MiB, r2)).toThrow(/largest object/);
  });
});
