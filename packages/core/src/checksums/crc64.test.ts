import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { combineCrc64, Crc64, crc64 } from './crc64.js';

describe('CRC-64/ECMA (OSS x-oss-hash-crc64ecma)', () => {
  it('gives the catalogued check value for "123456789" (CRC-64/XZ: 0x995DC9BBDF1939FA)', () => {
    expect(crc64(new TextEncoder().encode('123456789'))).toBe(0x995dc9bbdf1939fan);
    expect(crc64(new Uint8Array())).toBe(0n);
  });

  it('is the same fed in chunks as in one piece', () => {
    const data = randomBytes(100_003);
    const running = new Crc64();
    for (let offset = 0; offset < data.length; offset += 7919) running.update(data.subarray(offset, offset + 7919));
    expect(running.value).toBe(crc64(data));
  });

  it('is the same at every offset and length (bytes one by one up to a word boundary, then eight at a time)', () => {
    const data = randomBytes(1031);
    const want = crc64(data);
    for (let start = 0; start < 9; start++) {
      const shifted = new Uint8Array(data.length + start);
      shifted.set(data, start);
      expect(crc64(shifted.subarray(start)), `offset ${start}`).toBe(want);
    }
    const running = new Crc64();
    for (let offset = 0, step = 1; offset < data.length; offset += step, step++)
      running.update(data.subarray(offset, offset + step));
    expect(running.value).toBe(want);
  });

  it('combines part checksums into the whole object’s, for uneven parts and an empty one', () => {
    const parts = [randomBytes(65_536), randomBytes(1), randomBytes(0), randomBytes(300_001)];
    let whole = 0n;
    for (const part of parts) whole = combineCrc64(whole, crc64(part), part.length);
    expect(whole).toBe(crc64(Buffer.concat(parts)));
  });
});
