// CRC-32C (Castagnoli: reflected polynomial 0x82F63B78, initial value and final XOR all ones), the
// checksum S3 signs as `x-amz-checksum-crc32c`. Table-driven, one table lookup per byte.

const TABLE = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let crc = n;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  TABLE[n] = crc >>> 0;
}

/**
 * A running CRC-32C: feed it chunks in order, read `value` (an unsigned 32-bit number) at the end.
 * @example
 * ```ts
 * new Crc32c().update(bytes).value; // S3 wants its 4 big-endian bytes in base64
 * ```
 */
export class Crc32c {
  #crc = 0xffffffff;

  /** Adds `bytes` to the checksum. */
  update(bytes: Uint8Array): this {
    let crc = this.#crc;
    for (let i = 0; i < bytes.length; i++) crc = (crc >>> 8) ^ TABLE[(crc ^ bytes[i]!) & 0xff]!;
    this.#crc = crc;
    return this;
  }

  /** The checksum of everything fed so far. */
  get value(): number {
    return (this.#crc ^ 0xffffffff) >>> 0;
  }
}

/** CRC-32C of `bytes`. */
export function crc32c(bytes: Uint8Array): number {
  return new Crc32c().update(bytes).value;
}
