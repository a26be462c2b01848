import type { ErrorCode } from '../errors/ferry-error.js';
import type { DigestAlgorithm, Digests } from './digest-blob.js';

/** What the page posts to the hash worker: a Blob (sent by reference, never copied) to digest. */
export interface HashJob {
  readonly id: number;
  readonly blob: Blob;
  readonly algorithms: readonly DigestAlgorithm[];
}

/** What the page posts when it no longer wants job `cancel` (aborted): one not started is skipped. */
export interface HashCancel {
  readonly cancel: number;
}

/** What the hash worker answers. */
export type HashResult =
  | { readonly id: number; readonly digests: Digests }
  | { readonly id: number; readonly error: { readonly code: ErrorCode; readonly message: string } };
