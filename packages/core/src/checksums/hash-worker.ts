// The module Worker that hashes part slices off the main thread. Built into one self-contained file
// (dist/checksums/hash-worker.js, hash-wasm and @noble/hashes inlined), so it loads from any URL
// with no bundler.
import { isFerryError } from '../errors/ferry-error.js';
import { digestBlob } from './digest-blob.js';
import type { HashCancel, HashJob, HashResult } from './hash-protocol.js';

// One part at a time, in the order asked: the next part to be signed is ready first, and the
// worker holds one part's buffer, not one per part queued.
const queue: HashJob[] = [];
let running = false;

async function drain(): Promise<void> {
  running = true;
  for (let job = queue.shift(); job; job = queue.shift()) {
    const { id, blob, algorithms } = job;
    try {
      postMessage({ id, digests: await digestBlob(blob, algorithms) } satisfies HashResult);
    } catch (error) {
      const code = isFerryError(error) ? error.code : 'unexpected';
      postMessage({
        id,
        error: { code, message: error instanceof Error ? error.message : String(error) },
      } satisfies HashResult);
    }
  }
  running = false;
}

onmessage = ({ data }: MessageEvent<HashJob | HashCancel>) => {
  if ('cancel' in data) {
    const index = queue.findIndex((job) => job.id === data.cancel);
    if (index >= 0) queue.splice(index, 1);
    return;
  }
  queue.push(data);
  if (!running) void drain();
};
