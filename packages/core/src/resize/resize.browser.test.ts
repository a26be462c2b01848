// Images shrunk before upload, in every engine: the page draws test images (OffscreenCanvas),
// @ferry/core/resize shrinks them in its Worker, and the object read back from the local store is
// decoded to check its size in pixels, its type and that EXIF is gone.
import { expect } from '@open-wc/testing';
import { storedObject, untilSettled } from '@ferry/testing/browser';
import type { BrowserStackConfig } from '@ferry/testing/web-test-runner';
import { Uploader, type UploadSnapshot } from '../index.js';
import { canEncode, RESIZE_LARGER, RESIZE_UNDECODABLE, withResize, type ResizeOptions } from './index.js';

const stackUrl = '/__ferry/stack.js';
const stack = ((await import(/* @vite-ignore */ stackUrl)) as { default: BrowserStackConfig }).default;

/** A `width` × `height` image: left half red, right half blue, with grain so it compresses like a photo. */
async function drawn(width: number, height: number, type: string, name: string, quality = 0.95): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  const pixels = context.createImageData(width, height);
  let seed = 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const grain = (seed >> 16) % 48;
      const at = (y * width + x) * 4;
      const red = x < width / 2;
      pixels.data.set([red ? 200 + grain : grain, grain, red ? grain : 200 + grain, 255], at);
    }
  }
  context.putImageData(pixels, 0, 0);
  const blob = await canvas.convertToBlob({ type, quality });
  return new File([blob], name, { type });
}

/** `jpeg` with an EXIF APP1 segment (after SOI and any JFIF APP0) whose only tag is Orientation = `orientation`. */
async function withExifOrientation(jpeg: File, orientation: number): Promise<File> {
  const bytes = new Uint8Array(await jpeg.arrayBuffer());
  // APP1: "Exif\0\0", a big-endian TIFF header, one IFD with one SHORT entry (0x0112), no next IFD.
  const app1 = [
    0xff,
    0xe1,
    0x00,
    0x22,
    0x45,
    0x78,
    0x69,
    0x66,
    0x00,
    0x00,
    0x4d,
    0x4d,
    0x00,
    0x2a,
    0x00,
    0x00,
    0x00,
    0x08,
    0x00,
    0x01,
    0x01,
    0x12,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    orientation,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
  ];
  const at = bytes[2] === 0xff && bytes[3] === 0xe0 ? 4 + ((bytes[4]! << 8) | bytes[5]!) : 2;
  return new File([bytes.slice(0, at), new Uint8Array(app1), bytes.slice(at)], jpeg.name, { type: 'image/jpeg' });
}

/** Whether `bytes` hold an EXIF APP1 segment. */
function hasExif(bytes: Uint8Array): boolean {
  for (let i = 0; i + 5 < bytes.length; i++) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xe1 && String.fromCharCode(...bytes.subarray(i + 4, i + 8)) === 'Exif')
      return true;
  }
  return false;
}

async function upload(file: File, resize: ResizeOptions): Promise<UploadSnapshot> {
  const uploader = new Uploader(withResize({ endpoint: stack.endpoint }, resize));
  const { id } = uploader.add(file);
  const done = await untilSettled(uploader, id);
  expect(done.error?.message).to.equal(undefined);
  expect(done.state).to.equal('done');
  return done;
}

async function decoded(bytes: Uint8Array, type: string): Promise<ImageBitmap> {
  return createImageBitmap(new Blob([bytes.slice().buffer], { type }));
}

/** The colour at (x, y) of `bitmap`, as [r, g, b]. */
function pixel(bitmap: ImageBitmap, x: number, y: number): number[] {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return [...context.getImageData(x, y, 1, 1).data.slice(0, 3)];
}

describe('@ferry/core/resize', () => {
  it('shrinks a 1600×1200 JPEG to fit 400×400: the stored object is 400×300 JPEG, smaller, its size and type the new ones', async () => {
    const file = await drawn(1600, 1200, 'image/jpeg', 'photo.jpg');
    const done = await upload(file, { maxWidth: 400, maxHeight: 400, quality: 0.8 });
    expect(done.originalSize).to.equal(file.size);
    expect(done.size).to.be.lessThan(file.size);
    expect(done.type).to.equal('image/jpeg');
    const stored = await storedObject(done.key!);
    expect(stored.contentType).to.equal('image/jpeg');
    expect(stored.size).to.equal(done.size);
    expect([stored.bytes[0], stored.bytes[1]]).to.deep.equal([0xff, 0xd8]);
    const image = await decoded(stored.bytes, 'image/jpeg');
    expect([image.width, image.height]).to.deep.equal([400, 300]);
  });

  it('re-encodes a PNG as WebP where the browser encodes WebP (else JPEG), renaming the extension', async () => {
    const file = await drawn(900, 600, 'image/png', 'screen.png');
    const webp = await canEncode('image/webp');
    const done = await upload(file, { maxWidth: 300, maxHeight: 300, format: 'image/webp' });
    const type = webp ? 'image/webp' : 'image/jpeg';
    expect(done.type).to.equal(type);
    expect(done.name).to.equal(webp ? 'screen.webp' : 'screen.jpg');
    expect(done.key!.endsWith(done.name)).to.equal(true);
    const stored = await storedObject(done.key!);
    expect(stored.contentType).to.equal(type);
    const image = await decoded(stored.bytes, type);
    expect([image.width, image.height]).to.deep.equal([300, 200]);
  });

  it('AVIF where the browser can encode it (a 1×1 test), else JPEG', async () => {
    const avif = await canEncode('image/avif');
    const done = await upload(await drawn(800, 800, 'image/jpeg', 'a.jpg'), {
      maxWidth: 200,
      maxHeight: 200,
      format: 'image/avif',
    });
    const stored = await storedObject(done.key!);
    expect(stored.contentType).to.equal(avif ? 'image/avif' : 'image/jpeg');
    const image = await decoded(stored.bytes, stored.contentType!);
    expect([image.width, image.height]).to.deep.equal([200, 200]);
  });

  it('applies EXIF orientation and drops EXIF: a 40×20 JPEG tagged "rotate 90° clockwise" is stored as 20×40, red on top, without EXIF', async () => {
    const tagged = await withExifOrientation(await drawn(40, 20, 'image/jpeg', 'turned.jpg', 0.9), 6);
    expect(hasExif(new Uint8Array(await tagged.arrayBuffer()))).to.equal(true);
    expect(tagged.size).to.be.lessThan(2000);
    // Quality 0.5 so the re-encoded image is smaller than the original (a larger one is sent unchanged).
    const done = await upload(tagged, { maxWidth: 1000, maxHeight: 1000, quality: 0.5 });
    expect(done.note).to.equal(undefined);
    const stored = await storedObject(done.key!);
    expect(hasExif(stored.bytes)).to.equal(false);
    const image = await decoded(stored.bytes, 'image/jpeg');
    expect([image.width, image.height]).to.deep.equal([20, 40]);
    const [topRed, , topBlue] = pixel(image, 10, 5);
    const [bottomRed, , bottomBlue] = pixel(image, 10, 35);
    expect(topRed! > topBlue!, `top ${topRed},${topBlue}`).to.equal(true);
    expect(bottomBlue! > bottomRed!, `bottom ${bottomRed},${bottomBlue}`).to.equal(true);
  });

  it('sends an image that would grow unchanged, with the note resize-larger', async () => {
    const tiny = await drawn(8, 8, 'image/png', 'dot.png');
    const done = await upload(tiny, { maxWidth: 100, maxHeight: 100, format: 'image/jpeg', quality: 1 });
    expect(done.note).to.equal(RESIZE_LARGER);
    expect(done.originalSize).to.equal(undefined);
    const stored = await storedObject(done.key!);
    expect(stored.contentType).to.equal('image/png');
    expect([...stored.bytes]).to.deep.equal([...new Uint8Array(await tiny.arrayBuffer())]);
  });

  it('sends an image the browser cannot decode unchanged, with the note resize-undecodable; other files pass untouched', async () => {
    const broken = new File([new Uint8Array(300).fill(7)], 'broken.png', { type: 'image/png' });
    const done = await upload(broken, { maxWidth: 100, maxHeight: 100 });
    expect(done.note).to.equal(RESIZE_UNDECODABLE);
    expect((await storedObject(done.key!)).bytes.length).to.equal(300);
    const text = new File(['hello'], 'a.txt', { type: 'text/plain' });
    const plain = await upload(text, { maxWidth: 100, maxHeight: 100 });
    expect(plain.note).to.equal(undefined);
    expect((await storedObject(plain.key!)).contentType).to.equal('text/plain');
  });
});
