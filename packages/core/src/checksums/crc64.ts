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
  for (let n = length, k = 3; n > 0; n = Math.floor(n / 2), k++) if (n % 2) operator = multiplyModP(X2N[k % 64]!, operator);
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
