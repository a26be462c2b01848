import { ErrorCode, FerryError } from '../errors/ferry-error.js';
import type { UploadSource } from '../file-upload.js';
import type { BeforeUpload } from '../upload-hooks.js';
import type { UploaderOptions } from '../uploader-options.js';
import { createImageResizer, type ImageResizer } from './image-resizer.js';

/** Options of {@link withResize}. */
export interface ResizeOptions {
  /** Widest an image may be, in pixels. */
  readonly maxWidth: number;
  /** Tallest an image may be, in pixels. */
  readonly maxHeight: number;
  /**
   * `image/jpeg`, `image/webp` or `image/avif` (where the browser can encode it, else JPEG).
   * @default the image's own type for JPEG, PNG and WebP; JPEG for other images
   */
  readonly format?: 'image/jpeg' | 'image/webp' | 'image/avif' | undefined;
  /** Lossy quality from 0 to 1. @default the browser's (about 0.92 for JPEG) */
  readonly quality?: number | undefined;
  /** Who shrinks. @default one createImageResizer() shared by the page */
  readonly resizer?: ImageResizer | undefined;
}

/** `BeforeUploadResult.note` when the shrunk image would have been larger: the file is sent unchanged. */
export const RESIZE_LARGER = 'resize-larger';
/** `BeforeUploadResult.note` when the browser cannot decode the image (HEIC, damaged): sent unchanged. */
export const RESIZE_UNDECODABLE = 'resize-undecodable';

/** Images that lose something when drawn to a canvas (animation, vectors): never shrunk. */
const PASSED_THROUGH = new Set(['image/gif', 'image/svg+xml']);
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/webp': '.webp',
  'image/avif': '.avif',
  'image/png': '.png',
};

let sharedResizer: ImageResizer | undefined;

/** `name` with the extension of `type`, when the type changed. */
function renamed(name: string, from: string, to: string): string {
  if (from === to) return name;
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name) + (EXTENSIONS[to] ?? '');
}

/**
 * A `beforeUpload` hook that shrinks images to fit `maxWidth` × `maxHeight` in a Worker
 * (OffscreenCanvas), applying EXIF orientation and dropping EXIF (GPS included). The object gets
 * the new bytes, size and type (and extension). An image that would grow, or that the browser
 * cannot decode, is sent unchanged with a `note`; other files pass untouched.
 * @throws FerryError `invalid-input` for sizes that are not positive whole numbers, an unknown format, or a quality outside 0–1.
 * @example
 * ```ts
 * new Uploader({ endpoint: '/api/uploads', beforeUpload: resizeBeforeUpload({ maxWidth: 2048, maxHeight: 2048 }) });
 * ```
 */
export function resizeBeforeUpload(options: ResizeOptions): BeforeUpload {
  const { maxWidth, maxHeight, format, quality } = options;
  for (const [name, value] of [
    ['maxWidth', maxWidth],
    ['maxHeight', maxHeight],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 1)
      throw new FerryError(ErrorCode.InvalidInput, `resize ${name} must be a whole number of pixels, got ${value}.`);
  }
  if (format !== undefined && !['image/jpeg', 'image/webp', 'image/avif'].includes(format))
    throw new FerryError(
      ErrorCode.InvalidInput,
      `resize format must be image/jpeg, image/webp or image/avif, got ${format}.`,
    );
  if (quality !== undefined && !(quality >= 0 && quality <= 1))
    throw new FerryError(ErrorCode.InvalidInput, `resize quality must be from 0 to 1, got ${quality}.`);
  return async (file: UploadSource, { signal }) => {
    if (!file.type.startsWith('image/') || PASSED_THROUGH.has(file.type)) return undefined;
    const resizer = options.resizer ?? (sharedResizer ??= createImageResizer());
    const blob = file.slice(0, file.size);
    const outcome = await resizer.resize(
      new Blob([blob], { type: file.type }),
      { maxWidth, maxHeight, type: format, quality },
      signal,
    );
    if (outcome.kind !== 'resized') return { note: RESIZE_UNDECODABLE };
    if (outcome.blob.size >= file.size) return { note: RESIZE_LARGER };
    return {
      file: new File([outcome.blob], renamed(file.name, file.type, outcome.blob.type), { type: outcome.blob.type }),
    };
  };
}

/**
 * `options` with images shrunk before upload (see {@link resizeBeforeUpload}); an existing
 * `beforeUpload` runs first and the image it leaves is the one shrunk. Returns new options.
 * @example
 * ```ts
 * import { withResize } from '@ferry/core/resize';
 * const uploader = new Uploader(withResize({ endpoint: '/api/uploads' }, { maxWidth: 1600, maxHeight: 1600, format: 'image/webp' }));
 * ```
 */
export function withResize(options: UploaderOptions, resize: ResizeOptions): UploaderOptions {
  const shrink = resizeBeforeUpload(resize);
  const before = options.beforeUpload;
  return {
    ...options,
    beforeUpload: async (file, context) => {
      const first = await before?.(file, context);
      const image = first?.file;
      const source: UploadSource = image
        ? {
            name: (image as { name?: string }).name ?? file.name,
            type: image.type,
            size: image.size,
            slice: (a, b) => image.slice(a, b),
          }
        : file;
      const shrunk = await shrink(source, context);
      // The shrunk image replaces the hook's; its fields and note stay.
      return { ...first, ...shrunk };
    },
  };
}
