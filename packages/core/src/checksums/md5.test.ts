import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Md5 } from './md5.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const md5 = (bytes: Uint8Array): string => hex(new Md5().update(bytes).digest());

describe('MD5 in JavaScript (Content-MD5 where WebAssembly is refused)', () => {
  it('gives RFC 1321’s test suite values', () => {
    const suite: [string, string][] = [
      ['', 'd41d8cd98f00b204e9800998ecf8427e'],
      ['a', '0cc175b9c0f1b6a831c399e269772661'],
      ['abc', '900150983cd24fb0d6963f7d28e17f72'],
      ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
      ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
      ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'],
      ['1234567890'.repeat(8), '57edf4a22be3c955ac49da2e2107b67a'],
    ];
    for (const [text, digest] of suite) expect(md5(new TextEncoder().encode(text)), text).toBe(digest);
  });

  it('matches node:crypto at every length around the block and padding edges, in one piece', () => {
    for (let length = 0; length <= 200; length++) {
      const data = new Uint8Array(randomBytes(length));
      expect(md5(data), `${length} bytes`).toBe(createHash('md5').update(data).digest('hex'));
    }
  });

  it('is the same fed in uneven chunks at odd offsets (bytes read one by one) as in aligned blocks (read as words)', () => {
    const data = new Uint8Array(randomBytes(300_007));
    const want = createHash('md5').update(data).digest('hex');
    for (const step of [1, 3, 63, 64, 65, 4093, 65_536]) {
      const running = new Md5();
      for (let offset = 0; offset < data.length; offset += step) running.update(data.subarray(offset, offset + step));
      expect(hex(running.digest()), `chunks of ${step}`).toBe(want);
    }
    // A view that starts at an odd byte of its buffer.
    const shifted = new Uint8Array(data.length + 1);
    shifted.set(data, 1);
    expect(md5(shifted.subarray(1))).toBe(want);
  });
});
