import { createHash } from 'node:crypto';

/** `size` bytes that differ with `seed`: each file and part of a run is told apart by its content. */
export function testBytes(size: number, seed: number): Uint8Array<ArrayBuffer> {
  const data = new Uint8Array(size);
  for (let index = 0; index < size; index++) data[index] = (index * 31 + seed * 7 + (index >> 8)) & 0xff;
  return data;
}

/** SHA-256 of `data`, hex. */
export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
