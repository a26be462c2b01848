import { Uploader, type ResumeStore } from '@ferry/core';

/** The element's settings an `Uploader` is built from: a change to any of them builds a new one. */
export interface UploaderConfig {
  /** Base URL of the signing endpoint. */
  readonly endpoint: string;
  /** Part uploads in flight at once. */
  readonly concurrency: number;
  /** Preferred part size, bytes. */
  readonly partSize: number;
  /** Wait for `start()` instead of starting each file as it is added. */
  readonly manual: boolean;
}

/**
 * Whether an `Uploader` built from `a` serves `b` as well.
 * @example
 * ```ts
 * sameConfig(config, { ...config, partSize: 16 * 1024 * 1024 }); // false
 * ```
 */
export function sameConfig(a: UploaderConfig, b: UploaderConfig): boolean {
  return a.endpoint === b.endpoint && a.concurrency === b.concurrency && a.partSize === b.partSize && a.manual === b.manual;
}

/**
 * The `Uploader` for `config`, remembering multipart uploads in `resumeStore`.
 * @throws FerryError `invalid-input` naming the setting that is off (an empty endpoint, a part size under the store's minimum).
 * @example
 * ```ts
 * const uploader = buildUploader({ endpoint: '/api/uploads', concurrency: 4, partSize: 8 * 1024 * 1024, manual: false }, undefined);
 * ```
 */
export function buildUploader(config: UploaderConfig, resumeStore: ResumeStore | undefined): Uploader {
  const { endpoint, concurrency, partSize, manual } = config;
  return new Uploader({ endpoint, concurrency, partSize, resumeStore, autoStart: !manual });
}
