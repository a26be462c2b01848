import type { ResumableSource } from '../ports/resume-store.js';

/** Bytes hashed at each end of a file. */
const EDGE = 64 * 1024;

/**
 * Identifies a file across reloads without reading all of it: name, size, last modification,
 * and the SHA-256 of its first and last 64 KiB (WebCrypto, so off the JavaScript thread).
 */
export async function fingerprint(source: ResumableSource): Promise<string> {
  const head = source.slice(0, Math.min(EDGE, source.size));
  const tail = source.slice(Math.max(0, source.size - EDGE), source.size);
  const digest = await crypto.subtle.digest('SHA-256', await new Blob([head, tail]).arrayBuffer());
  const hex = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${source.name}|${source.size}|${source.lastModified ?? 0}|${hex}`;
}
