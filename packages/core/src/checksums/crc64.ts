// CRC-64/ECMA-182 as OSS computes it (`x-oss-hash-crc64ecma`; the XZ parameters: reflected
// polynomial 0xC96C5795D7870F42, initial value and final XOR all ones). Slicing-by-8 over two
// 32-bit halves: eight bytes per step, read as two words, through eight tables, and no BigInt
// until the end.

/** Whether this machine stores numbers little-endian, so bytes can be read as words in place. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The tables' high and low halves: [k * 256 + n] is the CRC of byte n followed by k zero bytes. */
const HI = new Int32Array(8 * 256);
const LO = new Int32Array(8 * 256);
for (let n = 0; n < 256; n++) {
  let hi = 0;
  let lo = n;
  for (let bit = 0; bit < 8; bit++) {
    const carry = lo & 1;
    lo = (lo >>> 1) | ((hi & 1) << 31);
    hi >>>= 1;
    if (carry) {
      hi ^= 0xc96c5795;
      lo ^= 0xd7870f42;
    }
  }
  HI[n] = hi;
  LO[n] = lo;
}
for (let n = 0; n < 256; n++) {
  for (let k = 1; k < 8; k++) {
    const hi = HI[(k - 1) * 256 + n]!;
    const lo = LO[(k - 1) * 256 + n]!;
    // Shift the 64-bit CRC right by a byte and fold the byte that fell out.
    HI[k * 256 + n] = (hi >>> 8) ^ HI[lo & 0xff]!;
    LO[k * 256 + n] = ((lo >>> 8) | (hi << 24)) ^ LO[lo & 0xff]!;
  }
}

/**
 * A running CRC-64/ECMA: feed it chunks in order, read `value` (an unsigned 64-bit BigInt) at the end.
 * @example
 * ```ts
 * const crc = new Crc64(); crc.update(bytes); String(crc.value); // as x-oss-hash-crc64ecma prints it
 * ```
 */
export class Crc64 {
  #hi = 0xffffffff | 0;
  #lo = 0xffffffff | 0;

  /** Adds `bytes` to the checksum. */
  update(bytes: Uint8Array): this {
    let hi = this.#hi;
    let lo = this.#lo;
    let i = 0;
    // Byte by byte up to a 4-byte boundary, then eight bytes at a time read as two words.
    for (; i < bytes.length && (bytes.byteOffset + i) % 4 !== 0; i++) {
      const index = (lo ^ bytes[i]!) & 0xff;
      lo = ((lo >>> 8) | (hi << 24)) ^ LO[index]!;
      hi = (hi >>> 8) ^ HI[index]!;
    }
    if (LITTLE_ENDIAN && (bytes.byteOffset + i) % 4 === 0) {
      const words = new Int32Array(bytes.buffer, bytes.byteOffset + i, ((bytes.length - i) >>> 3) << 1);
      for (let w = 0; w < words.length; w += 2) {
        // The low half meets the first four bytes, the high half the next four.
        const a = lo ^ words[w]!;
        const b = hi ^ words[w + 1]!;
        const i7 = 1792 + (a & 0xff);
        const i6 = 1536 + ((a >>> 8) & 0xff);
        const i5 = 1280 + ((a >>> 16) & 0xff);
        const i4 = 1024 + (a >>> 24);
        const i3 = 768 + (b & 0xff);
        const i2 = 512 + ((b >>> 8) & 0xff);
        const i1 = 256 + ((b >>> 16) & 0xff);
        const i0 = b >>> 24;
        hi = HI[i7]! ^ HI[i6]! ^ HI[i5]! ^ HI[i4]! ^ HI[i3]! ^ HI[i2]! ^ HI[i1]! ^ HI[i0]!;
        lo = LO[i7]! ^ LO[i6]! ^ LO[i5]! ^ LO[i4]! ^ LO[i3]! ^ LO[i2]! ^ LO[i1]! ^ LO[i0]!;
      }
      i += words.length * 4;
    }
    for (; i < bytes.length; i++) {
      const index = (lo ^ bytes[i]!) & 0xff;
      lo = ((lo >>> 8) | (hi << 24)) ^ LO[index]!;
      hi = (hi >>> 8) ^ HI[index]!;
    }
    this.#hi = hi;
    this.#lo = lo;
    return this;
  }

  /** The checksum of everything fed so far. */
  get value(): bigint {
    return (BigInt((this.#hi ^ 0xffffffff) >>> 0) << 32n) | BigInt((this.#lo ^ 0xffffffff) >>> 0);
  }
}

/** CRC-64/ECMA of `bytes`. */
export function crc64(bytes: Uint8Array): bigint {
  return new Crc64().update(bytes).value;
}

const POLY = 0xc96c5795d7870f42n;
/** x⁰ in the reflected representation (the top bit is the lowest power). */
const ONE = 1n << 63n;

/** a·b modulo the CRC polynomial (reflected), as zlib's multmodp. */
function multiplyModP(a: bigint, b: bigint): bigint {
  let product = 0n;
  for (let bit = ONE; bit !== 0n; bit >>= 1n) {
    if (a & bit) {
      product ^= b;
      if ((a & (bit - 1n)) === 0n) break;
    }
    b = b & 1n ? (b >> 1n) ^ POLY : b >> 1n;
  }
  return product;
}

/** X2N[k] = x^(2^k) mod P. */
const X2N: bigint[] = [ONE >> 1n];
for (let k = 1; k < 64; k++) X2N.push(multiplyModP(X2N[k - 1]!, X2N[k - 1]!));

/** x^(8·length) mod P: multiplying a CRC by it appends `length` zero bytes. */
function zeroBytesOperator(length: number): bigint {
  let operator = ONE;
  for (let n = length, k = 3; n > 0; n = Math.floor(n / 2), k++)
    if (n % 2) operator = multiplyModP(X2N[k % 64]!, operator);
  return operator;
}

// Parts of one upload share a length, so the operator is kept for the last length asked.
let lastLength = -1;
let lastOperator = ONE;

/**
 * The CRC-64/ECMA of A followed by B, from the CRC of A, the CRC of B and B's length: the whole
 * object's checksum from its parts' without reading a byte again (zlib's crc32_combine, in its
 * x^(2^k) table form: one 64-step multiplication per part once the operator is known).
 * @example
 * ```ts
 * combineCrc64(crc64(a), crc64(b), b.length) === crc64(concat(a, b)); // true
 * ```
 */
export function combineCrc64(first: bigint, second: bigint, secondLength: number): bigint {
  if (secondLength !== lastLength) {
    lastOperator = zeroBytesOperator(secondLength);
    lastLength = secondLength;
  }
  return multiplyModP(lastOperator, first) ^ second;
}
