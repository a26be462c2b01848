import { ErrorCode, FerryError, type UploaderOptions } from '@ferry/core';
import { withResize, type ResizeOptions } from '@ferry/core/resize';

/**
 * The `withResize` options the element's `resize` (`"max-width,max-height"`), `quality` and
 * `format` attributes ask for.
 * @throws FerryError `invalid-input` when `resize` is not two whole numbers of pixels.
 * @example
 * ```ts
 * resizeOptions('1600,1200', 0.8, 'image/webp'); // { maxWidth: 1600, maxHeight: 1200, quality: 0.8, format: 'image/webp' }
 * ```
 */
export function resizeOptions(resize: string, quality: number | undefined, format: string | undefined): ResizeOptions {
  const sides = resize.split(',').map((side) => Number(side.trim()));
  if (sides.length !== 2 || !sides.every((side) => Number.isSafeInteger(side) && side > 0))
    throw new FerryError(ErrorCode.InvalidInput, `resize takes "max-width,max-height" in pixels, got "${resize}".`);
  return {
    maxWidth: sides[0]!,
    maxHeight: sides[1]!,
    quality,
    format: (format || undefined) as ResizeOptions['format'],
  };
}

/**
 * `options` with images shrunk before upload. This module is what the element loads on demand
 * (with `@ferry/core/resize`) when its `resize` attribute is set.
 * @throws FerryError `invalid-input` for a malformed `resize`, an unknown format or a quality outside 0–1.
 * @example
 * ```ts
 * resizedOptions({ endpoint: '/api/uploads' }, '2048,2048', undefined, undefined);
 * ```
 */
export function resizedOptions(
  options: UploaderOptions,
  resize: string,
  quality: number | undefined,
  format: string | undefined,
): UploaderOptions {
  return withResize(options, resizeOptions(resize, quality, format));
}
