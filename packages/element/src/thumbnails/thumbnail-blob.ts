/** Image types browsers decode; HEIC, TIFF, RAW and the like get the type icon instead. */
const DECODABLE = /^image\/(jpeg|png|gif|webp|avif|bmp|x-icon|vnd\.microsoft\.icon)$/;

/** Whether a thumbnail can be tried for a file of MIME type `type`. */
export function decodable(type: string): boolean {
  return DECODABLE.test(type);
}

/**
 * Decodes `file` at `width` px wide, upright (EXIF orientation applied).
 *
 * Support in the engines of the support matrix (MDN browser-compat-data, WebKit and Mozilla bugs):
 * `resizeWidth`/`resizeHeight` since Safari 15 and Firefox 98, so Safari 16.4 and Firefox 115 take
 * them; `imageOrientation: 'from-image'` since Firefox 111 (bug 1809740) and Safari 17 (WebKit
 * bug 250476), so Safari 16.4 refuses it with a TypeError and gets the fallback below, whose
 * default is the orientation WebKit gave at the time. An engine may still hand back a bitmap of
 * another size than asked: {@link thumbnailBlob} draws it to the size it wants either way.
 */
async function decode(file: Blob, width: number): Promise<ImageBitmap> {
  const options: ImageBitmapOptions = { resizeWidth: width, resizeQuality: 'medium' };
  try {
    // The default orientation of older engines ignored EXIF; 'from-image' says so explicitly.
    return await createImageBitmap(file, { ...options, imageOrientation: 'from-image' });
  } catch (error) {
    // An engine that does not know 'from-image' (its enum is older) refuses it with a TypeError.
    if (!(error instanceof TypeError)) throw error;
    return createImageBitmap(file, options);
  }
}

/**
 * A small copy of the image `file`, exactly `width` px wide and as tall as its aspect says (the
 * browser decodes straight to about that size, never holding the full image), as a PNG (keeps
 * transparency) or, for JPEG, a JPEG. Rejects when the image cannot be decoded. Runs in a Worker
 * or on the main thread alike.
 */
export async function thumbnailBlob(file: Blob, width: number): Promise<Blob> {
  const bitmap = await decode(file, width);
  try {
    // Sized from the target, not the bitmap: an engine that ignored the resize options (a full
    // 4000 px decode) still yields a thumbnail of `width` px, never a full-size one.
    const height = Math.max(1, Math.round((bitmap.height * width) / bitmap.width));
    const canvas = new OffscreenCanvas(width, height);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
    return await canvas.convertToBlob({ type: file.type === 'image/jpeg' ? 'image/jpeg' : 'image/png', quality: 0.8 });
  } finally {
    bitmap.close();
  }
}
