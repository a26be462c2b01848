import { Uploader, type UploaderOptions } from '@ferry/core';
import type { UploaderConfig } from './uploader-config.js';

/**
 * The `Uploader` for settings that need code of their own (a checksum, `resize`,
 * `delete-on-remove`), loaded with it: this module with the first such Uploader, and each
 * feature's own code (`checksummed-uploader.js` with `@ferry/core/checksums`,
 * `resized-options.js` with `@ferry/core/resize`, the endpoint that notes delete tokens with
 * `@ferry/core/delete`) only when that feature is asked for.
 * @throws FerryError `invalid-input` (the promise rejects) naming the setting that is off.
 * @example
 * ```ts
 * const uploader = await uploaderWithFeatures(options, { ...config, checksum: 'sha256' });
 * ```
 */
export async function uploaderWithFeatures(options: UploaderOptions, config: UploaderConfig): Promise<Uploader> {
  const checksum = config.checksum?.trim();
  const resize = config.resize?.trim();
  let ready = options;
  // `delete-on-remove` loads the endpoint that notes delete tokens (with `@ferry/core/delete`).
  if (config.deleteOnRemove) ready = (await import('../delete/delete-tokens.js')).withDeleteTokens(ready);
  // Shrinking images loads `resized-options.js` with `@ferry/core/resize`, only when asked for.
  if (resize)
    ready = (await import('./resized-options.js')).resizedOptions(
      ready,
      resize,
      config.quality,
      config.format ?? undefined,
    );
  return checksum
    ? (await import('./checksummed-uploader.js')).checksummedUploader(ready, checksum)
    : new Uploader(ready);
}
