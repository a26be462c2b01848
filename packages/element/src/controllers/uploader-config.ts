import { Uploader, type BeforeUpload, type ResumeStore, type UploaderOptions } from '@ferry/core';

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
  /** A `resize` attribute value (`"max-width,max-height"`); empty for none. */
  readonly resize?: string | null | undefined;
  /** Lossy quality of shrunk images, 0 to 1. */
  readonly quality?: number | undefined;
  /** The type shrunk images are encoded to. */
  readonly format?: string | null | undefined;
  /** Note the delete tokens of finished uploads, for `delete-on-remove`. */
  readonly deleteOnRemove?: boolean | undefined;
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
    (a.checksum || '') === (b.checksum || '') &&
    (a.resize || '') === (b.resize || '') &&
    a.quality === b.quality &&
    (a.format || '') === (b.format || '') &&
    !a.deleteOnRemove === !b.deleteOnRemove
  );
}

/**
 * The `Uploader` for `config`, remembering multipart uploads in `resumeStore`. A checksum, `resize`
 * or `deleteOnRemove` loads its code first (`uploader-features.js`, and from it the feature's own:
 * chunks of their own, which other pages never load), so the Uploader then comes in a promise.
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
  beforeUpload?: BeforeUpload,
): Uploader | Promise<Uploader> {
  const { endpoint, concurrency, partSize, manual } = config;
  const options: UploaderOptions = { endpoint, concurrency, partSize, resumeStore, autoStart: !manual, beforeUpload };
  if (!config.checksum?.trim() && !config.resize?.trim() && !config.deleteOnRemove) return new Uploader(options);
  // The other settings load their code first, with the module that builds their Uploader.
  return import('./uploader-features.js').then(({ uploaderWithFeatures }) => uploaderWithFeatures(options, config));
}
