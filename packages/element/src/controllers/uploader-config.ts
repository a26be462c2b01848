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
 * or `deleteOnRemove` loads its code first (`checksummed-uploader.js` with `@ferry/core/checksums`,
 * `resized-options.js` with `@ferry/core/resize`, the endpoint that notes delete tokens with
 * `@ferry/core/delete`: chunks of their own, which other pages never load), so the Uploader then
 * comes in a promise.
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
  const checksum = config.checksum?.trim();
  const resize = config.resize?.trim();
  if (!checksum && !resize && !config.deleteOnRemove) return new Uploader(options);
  // `delete-on-remove` loads the endpoint that notes delete tokens (with `@ferry/core/delete`).
  const recorded = config.deleteOnRemove
    ? import('../delete/delete-tokens.js').then(({ withDeleteTokens }) => withDeleteTokens(options))
    : Promise.resolve(options);
  // Shrinking images loads `resized-options.js` with `@ferry/core/resize`, only when asked for.
  const resized = resize
    ? recorded.then(async (ready) =>
        (await import('./resized-options.js')).resizedOptions(
          ready,
          resize,
          config.quality,
          config.format ?? undefined,
        ),
      )
    : recorded;
  return resized.then((ready) =>
    checksum
      ? import('./checksummed-uploader.js').then(({ checksummedUploader }) => checksummedUploader(ready, checksum))
      : new Uploader(ready),
  );
}
