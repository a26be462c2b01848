// The thumbnail run's page: the same images listed by <ferry-uploader manual> and shown by plain
// <img src=objectURL> tags, each measured (see measure.ts); and the images made in the first place.
import '@ferry/element';
import { measure, type Measured } from './measure.js';

/** A run's measures, and how many of its images ended up shown. */
export interface ThumbnailResult extends Measured {
  readonly shown: number;
}

declare global {
  interface Window {
    thumbnails: {
      /** A distinct camera-sized JPEG (textured, so it weighs what a photo does), as a data URL. */
      photo(index: number, width: number, height: number): Promise<string>;
      run(client: 'ferry' | 'plain', timeoutMs: number): Promise<ThumbnailResult>;
    };
  }
}

const pickedFiles = (): File[] => [...(document.querySelector<HTMLInputElement>('#files')!.files ?? [])];

/** A small seeded generator, so image `index` is the same in every run. */
function random(seed: number): () => number {
  let state = (seed * 2654435761) >>> 0 || 1;
  return () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

async function photo(index: number, width: number, height: number): Promise<string> {
  const rand = random(index + 1);
  // Colour fields (random pixels blown up smoothly), blobs of colour, and a fine grain over all.
  const fields = new OffscreenCanvas(200, 150);
  const fieldPixels = new ImageData(200, 150);
  for (let i = 0; i < fieldPixels.data.length; i++) fieldPixels.data[i] = i % 4 === 3 ? 255 : rand() * 255;
  fields.getContext('2d')!.putImageData(fieldPixels, 0, 0);
  const grain = new OffscreenCanvas(512, 512);
  const grainPixels = new ImageData(512, 512);
  for (let i = 0; i < grainPixels.data.length; i += 4) {
    grainPixels.data.fill(rand() * 255, i, i + 3);
    grainPixels.data[i + 3] = 255;
  }
  grain.getContext('2d')!.putImageData(grainPixels, 0, 0);
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.imageSmoothingQuality = 'high';
  context.drawImage(fields, 0, 0, width, height);
  for (let blob = 0; blob < 40; blob++) {
    context.fillStyle = `hsl(${rand() * 360} 60% ${30 + rand() * 40}% / 0.5)`;
    context.beginPath();
    context.arc(rand() * width, rand() * height, 50 + rand() * 600, 0, 2 * Math.PI);
    context.fill();
  }
  context.globalAlpha = 0.06;
  context.globalCompositeOperation = 'overlay';
  context.fillStyle = context.createPattern(grain, 'repeat')!;
  context.fillRect(0, 0, width, height);
  const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('could not read the JPEG'));
    reader.readAsDataURL(jpeg);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `<ferry-uploader manual>` lists every file at once; done when every row shows its decoded thumbnail. */
async function ferry(files: File[], timeoutMs: number): Promise<ThumbnailResult> {
  const uploader = document.createElement('ferry-uploader');
  uploader.setAttribute('manual', '');
  uploader.setAttribute('multiple', '');
  uploader.setAttribute('endpoint', '/unused'); // manual: nothing is uploaded
  document.body.append(uploader);
  await uploader.updateComplete;
  let shown = 0;
  const measured = await measure(async () => {
    uploader.addFiles(files);
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const thumbs = [...uploader.shadowRoot!.querySelectorAll<HTMLImageElement>('img[part~="thumbnail"]')];
      shown = thumbs.filter((img) => img.complete && img.naturalWidth > 0).length;
      if (shown === files.length || performance.now() > deadline) return;
      await sleep(50);
    }
  });
  return { ...measured, shown };
}

/** Plain tags: one `<img width=40 src=objectURL>` per file; done when every one has decoded (or failed to). */
async function plain(files: File[]): Promise<ThumbnailResult> {
  const box = document.createElement('div');
  document.body.append(box);
  let shown = 0;
  const measured = await measure(async () => {
    const images = files.map((file) => {
      const img = document.createElement('img');
      img.width = 40;
      img.alt = '';
      img.src = URL.createObjectURL(file);
      return img;
    });
    box.append(...images);
    const decoded = await Promise.allSettled(images.map((img) => img.decode()));
    shown = decoded.filter((outcome) => outcome.status === 'fulfilled').length;
  });
  return { ...measured, shown };
}

window.thumbnails = {
  photo,
  run: (client, timeoutMs) => (client === 'ferry' ? ferry(pickedFiles(), timeoutMs) : plain(pickedFiles())),
};
