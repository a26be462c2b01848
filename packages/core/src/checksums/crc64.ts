// CRC-64/ECMA-182 as OSS computes it (`x-oss-hash-crc64ecma`; the XZ parameters: reflected
// polynomial 0xC96C5795D7870F42, initial value and final XOR all ones). Table-driven over two
// 32-bit halves, so hashing a part never allocates a BigInt per byte.

const TABLE_HI = new Uint32Array(256);
const TABLE_LO = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let hi = 0;
  let lo = n;
  for (let bit = 0; bit < 8; bit++) {
    const carry = lo & 1;
    lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
    hi >>>= 1;
    if (carry) {
      hi = (hi ^ 0xc96c5795) >>> 0;
      lo = (lo ^ 0xd7870f42) >>> 0;
    }
  }
  TABLE_HI[n] = hi;
  TABLE_LO[n] = lo;
}

/**
 * A running CRC-64/ECMA: feed it chunks in order, read `value` (an unsigned 64-bit BigInt) at the end.
 * @example
 * ```ts
 * const crc = new Crc64(); crc.update(bytes); String(crc.value); // as x-oss-hash-crc64ecma prints it
 * ```
 */
export class Crc64 {
  #hi = 0xffffffff;
  #lo = 0xffffffff;

  /** Adds `bytes` to the checksum. */
  update(bytes: Uint8Array): this {
    let hi = this.#hi;
    let lo = this.#lo;
    for (let i = 0; i < bytes.length; i++) {
      const index = (lo ^ bytes[i]!) & 0xff;
      lo = (((lo >>> 8) | (hi << 24)) ^ TABLE_LO[index]!) >>> 0;
      hi = ((hi >>> 8) ^ TABLE_HI[index]!) >>> 0;
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
const MASK = 0xffffffffffffffffn;

/** Multiplies the 64×64 GF(2) matrix `matrix` by `vector`. */
function times(matrix: readonly bigint[], vector: bigint): bigint {
  let sum = 0n;
  for (let i = 0; vector !== 0n; i++, vector >>= 1n) if (vector & 1n) sum ^= matrix[i]!;
  return sum;
}

const square = (matrix: readonly bigint[]) => matrix.map((row) => times(matrix, row));

/**
 * The CRC-64/ECMA of A followed by B, from the CRC of A, the CRC of B and B's length: the whole
 * object's checksum from its parts' without reading a byte again (zlib's crc32_combine method).
 * @example
 * ```ts
 * combineCrc64(crc64(a), crc64(b), b.length) === crc64(concat(a, b)); // true
 * ```
 */
export function combineCrc64(first: bigint, second: bigint, secondLength: number): bigint {
  if (secondLength === 0) return first;
  // The operator for one zero bit, then squared to two and four bits (a byte is two squarings on).
  let odd: bigint[] = [POLY, ...Array.from({ length: 63 }, (_, i) => 1n << BigInt(i))];
  let even = square(odd);
  odd = square(even);
  let crc = first;
  let length = secondLength;
  do {
    even = square(odd);
    if (length & 1) crc = times(even, crc);
    length = Math.floor(length / 2);
    if (length === 0) break;
    odd = square(even);
    if (length & 1) crc = times(odd, crc);
    length = Math.floor(length / 2);
  } while (length !== 0);
  return (crc ^ second) & MASK;
}
