// The module Worker that shrinks images off the main thread (OffscreenCanvas). Built into one
// self-contained file (dist/resize/resize-worker.js), so it loads from any URL with no bundler.
import { resizeImage } from './resize-image.js';
import type { ResizeJob, ResizeReply } from './resize-protocol.js';

onmessage = ({ data }: MessageEvent<ResizeJob>) => {
  resizeImage(data.blob, data.settings).then(
    (outcome) => postMessage({ id: data.id, outcome } satisfies ResizeReply),
    (error: unknown) => postMessage({ id: data.id, error: String(error) } satisfies ResizeReply),
  );
};
