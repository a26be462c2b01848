import { Uploader, type ResumeStore, type UploaderOptions } from '@ferry/core';

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
  /** A `checksum` attribute value (see `ChecksumSetting`); empty for none. */
  readonly checksum: string | null | undefined;
}

/**
 * Whether an `Uploader` built from `a` serves `b` as well.
 * @example
 * ```ts
 * sameConfig(config, { ...config, partSize: 16 * 1024 * 1024 }); // false
 * ```
 */
export function sameConfig(a: UploaderConfig, b: UploaderConfig): boolean {
  return (
    a.endpoint === b.endpoint &&
    a.concurrency === b.concurrency &&
    a.partSize === b.partSize &&
    a.manual === b.manual &&
    (a.checksum || '') === (b.checksum || '')
  );
}

/**
 * The `Uploader` for `config`, remembering multipart uploads in `resumeStore`. With a checksum,
 * `checksummed-uploader.js` and `@ferry/core/checksums` are loaded first (chunks of their own: pages
 * without checksums never load them), so the Uploader comes in a promise.
 * @throws FerryError `invalid-input` naming the setting that is off (an empty endpoint, a part
 * size under the store's minimum, an unknown checksum); with a checksum, the promise rejects instead.
 * @example
 * ```ts
 * const uploader = await buildUploader({ endpoint: '/api/uploads', concurrency: 4, partSize: 8 * 1024 * 1024, manual: false, checksum: 'sha256' }, undefined);
 * ```
 */
export function buildUploader(
  config: UploaderConfig,
  resumeStore: ResumeStore | undefined,
): Uploader | Promise<Uploader> {
  const { endpoint, concurrency, partSize, manual } = config;
  const options: UploaderOptions = { endpoint, concurrency, partSize, resumeStore, autoStart: !manual };
  const checksum = config.checksum?.trim();
  if (!checksum) return new Uploader(options);
  return import('./checksummed-uploader.js').then(({ checksummedUploader }) => checksummedUploader(options, checksum));
}
