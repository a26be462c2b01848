import type { PartPlan } from '../part-plan.js';
import type { MultipartHandle, StoredPart } from './endpoint.js';
import type { ByteSource } from './transport.js';

/** A file as a resume store sees it (a browser `File` fits). */
export interface ResumableSource extends ByteSource {
  readonly name: string;
  readonly lastModified?: number;
}

/** A multipart upload to continue, and the parts the store already holds. */
export interface ResumePoint {
  readonly handle: MultipartHandle;
  /** Parts to keep: each matches the plan's size for its number. */
  readonly stored: readonly StoredPart[];
}

/**
 * Remembers multipart uploads across reloads and crashes, so that adding the same file again
 * continues its upload instead of starting over; `createIndexedDbResumeStore()` from
 * `@ferry/core/resume` is one. Failures of the store never fail an upload: it then starts afresh.
 */
export interface ResumeStore {
  /** The upload of `source` to continue under `plan`, asking the store which parts it holds; `undefined` to start afresh. */
  restore(
    source: ResumableSource,
    plan: PartPlan,
    listParts: (handle: MultipartHandle) => Promise<readonly StoredPart[]>,
  ): Promise<ResumePoint | undefined>;
  /** Remembers that `source` is being uploaded as `handle` under `plan`. */
  save(source: ResumableSource, handle: MultipartHandle, plan: PartPlan): Promise<void>;
  /** Forgets `source` (stored, cancelled or abandoned). */
  forget(source: ResumableSource): Promise<void>;
}
