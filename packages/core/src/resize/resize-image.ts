/** How to shrink an image: its longest sides, and how to encode it. */
export interface ResizeSettings {
  /** Widest the image may be, in pixels. */
  readonly maxWidth: number;
  /** Tallest the image may be, in pixels. */
  readonly maxHeight: number;
  /** The type to encode to; `undefined` keeps JPEG, PNG and WebP as they are and makes other images JPEG. */
  readonly type?: string | undefined;
  /** Lossy quality from 0 to 1. */
  readonly quality?: number | undefined;
}

/** What became of one image. */
export type ResizeOutcome =
  | { readonly kind: 'resized'; readonly blob: Blob; readonly width: number; readonly height: number }
  /** The browser could not decode it (HEIC in most browsers, a damaged file). */
  | { readonly kind: 'undecodable' }
  /** This thread has no `OffscreenCanvas` or `createImageBitmap`: try another. */
  | { readonly kind: 'unsupported' };

const KEPT_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const encodable = new Map<string, Promise<boolean>>();

/** Whether this thread's canvas encodes `type`: encodes one pixel and checks the blob's type (unknown types come back PNG). */
export function canEncode(type: string): Promise<boolean> {
  let known = encodable.get(type);
  if (!known) {
    known = new OffscreenCanvas(1, 1)
      .convertToBlob({ type })
      .then((blob) => blob.type === type)
      .catch(() => false);
    encodable.set(type, known);
  }
  return known;
}

async function decode(blob: Blob): Promise<ImageBitmap> {
  try {
    // EXIF orientation applied ('from-image'); the re-encode below then carries no EXIF at all (GPS included).
    return await createImageBitmap(blob, { imageOrientation: 'from-image' });
  } catch (error) {
    // An engine that does not know the option's value (the old name was 'none') still orients by default.
    if (!(error instanceof TypeError)) throw error;
    return createImageBitmap(blob);
  }
}

/**
 * Decodes `blob`, scales it to fit `settings` (never up) and encodes it again, on the calling
 * thread (a Worker, or the page where a Worker cannot encode). A type the canvas cannot encode
 * (AVIF in most browsers) becomes JPEG.
 */
export async function resizeImage(blob: Blob, settings: ResizeSettings): Promise<ResizeOutcome> {
  if (typeof OffscreenCanvas !== 'function' || typeof createImageBitmap !== 'function') return { kind: 'unsupported' };
  let bitmap: ImageBitmap;
  try {
    bitmap = await decode(blob);
  } catch {
    return { kind: 'undecodable' };
  }
  try {
    const scale = Math.min(1, settings.maxWidth / bitmap.width, settings.maxHeight / bitmap.height);
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) return { kind: 'unsupported' };
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, width, height);
    const wanted = settings.type ?? (KEPT_TYPES.includes(blob.type) ? blob.type : 'image/jpeg');
    const type = (await canEncode(wanted)) ? wanted : 'image/jpeg';
    const encoded = await canvas.convertToBlob({
      type,
      ...(settings.quality === undefined ? {} : { quality: settings.quality }),
    });
    return { kind: 'resized', blob: encoded, width, height };
  } finally {
    bitmap.close();
  }
}
