/** Image types browsers decode; HEIC, TIFF, RAW and the like get the type icon instead. */
const DECODABLE = /^image\/(jpeg|png|gif|webp|avif|bmp|x-icon|vnd\.microsoft\.icon)$/;

/** Whether a thumbnail can be tried for a file of MIME type `type`. */
export function decodable(type: string): boolean {
  return DECODABLE.test(type);
}

/** Decodes `file` at `width` px wide, upright (EXIF orientation applied). */
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
 * A small copy of the image `file`, `width` px wide (the browser decodes straight to that size,
 * never holding the full image), as a PNG (keeps transparency) or, for JPEG, a JPEG. Rejects when
 * the image cannot be decoded. Runs in a Worker or on the main thread alike.
 */
export async function thumbnailBlob(file: Blob, width: number): Promise<Blob> {
  const bitmap = await decode(file, width);
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    return await canvas.convertToBlob({ type: file.type === 'image/jpeg' ? 'image/jpeg' : 'image/png', quality: 0.8 });
  } finally {
    bitmap.close();
  }
}
