// thumbnailBlob in every engine: the thumbnail's pixel size is the one asked for, also when the
// engine hands back a full-size bitmap (a FAKE engine stands for one that ignores the resize options).
import { expect } from '@open-wc/testing';
import { thumbnailBlob } from './thumbnail-blob.js';

/** A JPEG of `width` × `height`, drawn in the page. */
async function jpeg(width: number, height: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#0a0';
  context.fillRect(0, 0, width, height);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
}

/** The pixel size of the image `blob`, as the engine decodes it. */
async function sizeOf(blob: Blob): Promise<[number, number]> {
  const bitmap = await createImageBitmap(blob);
  try {
    return [bitmap.width, bitmap.height];
  } finally {
    bitmap.close();
  }
}

describe('thumbnailBlob', () => {
  it('is exactly the width asked for, as tall as the aspect says', async () => {
    expect(await sizeOf(await thumbnailBlob(await jpeg(4000, 3000), 80))).to.deep.equal([80, 60]);
  });

  it('stays that size when the engine ignores resizeWidth and decodes the full image', async () => {
    const real = globalThis.createImageBitmap;
    const decoded: number[] = [];
    // FAKE engine: the real decoder with the resize options dropped, as an engine that ignores them.
    const ignoringResize = async (image: ImageBitmapSource, options: ImageBitmapOptions = {}) => {
      const ignored: ImageBitmapOptions = { ...options };
      delete ignored.resizeWidth;
      delete ignored.resizeHeight;
      delete ignored.resizeQuality;
      const bitmap = await real(image, ignored);
      decoded.push(bitmap.width);
      return bitmap;
    };
    globalThis.createImageBitmap = ignoringResize as typeof createImageBitmap;
    try {
      const blob = await thumbnailBlob(await jpeg(1600, 1200), 80);
      expect(decoded[0]).to.equal(1600); // the engine gave back the full image
      expect(await sizeOf(blob)).to.deep.equal([80, 60]);
    } finally {
      globalThis.createImageBitmap = real;
    }
  });
});
