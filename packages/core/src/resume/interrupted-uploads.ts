import type { CallOptions, Endpoint, MultipartHandle } from '../ports/endpoint.js';
import type { ResumeRecord, ResumeRecords } from './resume-store.js';

/** An upload interrupted in this browser, as a page lists it ("2 uploads were interrupted…"). */
export interface InterruptedUpload {
  /** The record's id (the file's fingerprint), for {@link InterruptedUploads.discard}. */
  readonly id: string;
  /** The file's name. */
  readonly name: string;
  /** The file's size in bytes. */
  readonly size: number;
  /** When the upload started, in ms since the epoch. */
  readonly savedAt: number;
  /** Parts in the upload's plan. */
  readonly partCount: number;
  /** Parts the store holds: known when `list` was given an endpoint and the store answered. */
  readonly partsStored?: number | undefined;
  /** Bytes the store holds, likewise. */
  readonly bytesStored?: number | undefined;
}

/** The uploads a resume store remembers, for a page to show, continue or discard. */
export interface InterruptedUploads {
  /**
   * The uploads remembered (interrupted and not yet stored), oldest first. With `endpoint`, each
   * says how far it got, as the store lists its parts.
   */
  list(options?: { readonly endpoint?: Endpoint; readonly signal?: AbortSignal }): Promise<InterruptedUpload[]>;
  /**
   * Gives one up: aborts its multipart upload on the store (through the endpoint's abort route,
   * with the token the upload was given), then forgets it. An upload the store no longer knows
   * is simply forgotten.
   * @throws EndpointError when the abort fails otherwise; the record stays, to try again.
   */
  discard(id: string, endpoint: Endpoint, options?: { readonly signal?: AbortSignal }): Promise<void>;
  /**
   * Forgets the records past their useful life (`maxAgeMs`) and aborts their uploads on the
   * store; a page calls it when it starts. An abort the endpoint refuses (its token expired too)
   * is left to the server's sweeper. Resolves with what was removed.
   */
  removeExpired(endpoint: Endpoint, options?: { readonly signal?: AbortSignal }): Promise<InterruptedUpload[]>;
}

const describe = (id: string, record: ResumeRecord): InterruptedUpload => ({
  id,
  name: record.name ?? '',
  size: record.size,
  savedAt: record.savedAt,
  partCount: Math.max(1, Math.ceil(record.size / record.partSize)),
});

const handleOf = (record: ResumeRecord): MultipartHandle => ({
  uploadId: record.uploadId,
  key: record.key,
  token: record.token,
});

/** Whether the endpoint said the upload no longer exists (404 `not-found`). */
const isGone = (error: unknown): boolean => (error as { status?: unknown } | null)?.status === 404;

/** {@link InterruptedUploads} over `records`, with records older than `maxAgeMs` expired. */
export function interruptedUploads(records: ResumeRecords, maxAgeMs: number): InterruptedUploads {
  const call = (signal: AbortSignal | undefined): CallOptions => ({ signal: signal ?? new AbortController().signal });
  return {
    async list(options = {}) {
      const entries = (await records.entries()).sort(([, a], [, b]) => a.savedAt - b.savedAt);
      return Promise.all(
        entries.map(async ([id, record]) => {
          const upload = describe(id, record);
          if (!options.endpoint) return upload;
          try {
            const parts = await options.endpoint.listParts(handleOf(record), call(options.signal));
            return {
              ...upload,
              partsStored: parts.length,
              bytesStored: parts.reduce((sum, part) => sum + part.size, 0),
            };
          } catch {
            return upload; // Offline, expired or gone: how far it got is unknown, not an error.
          }
        }),
      );
    },

    async discard(id, endpoint, options = {}) {
      const record = await records.get(id);
      if (!record) return;
      try {
        await endpoint.abortMultipart(handleOf(record), call(options.signal));
      } catch (error) {
        if (!isGone(error)) throw error;
      }
      await records.delete(id);
    },

    async removeExpired(endpoint, options = {}) {
      const now = Date.now();
      const expired = (await records.entries()).filter(([, record]) => now - record.savedAt > maxAgeMs);
      await Promise.all(
        expired.map(async ([id, record]) => {
          // Refused (a token past its life) or failed: the sweeper on the server gets it later.
          await endpoint.abortMultipart(handleOf(record), call(options.signal)).catch(() => undefined);
          await records.delete(id);
        }),
      );
      return expired.map(([id, record]) => describe(id, record));
    },
  };
}
