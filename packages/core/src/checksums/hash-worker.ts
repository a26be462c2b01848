// The module Worker that hashes part slices off the main thread. Built into one self-contained file
// (dist/checksums/hash-worker.js, @noble/hashes inlined), so it loads from any URL with no bundler.
import { isFerryError } from '../errors/ferry-error.js';
import { digestBlob } from './digest-blob.js';
import type { HashJob, HashResult } from './hash-protocol.js';

onmessage = (event: MessageEvent<HashJob>) => {
  const { id, blob, algorithms } = event.data;
  digestBlob(blob, algorithms).then(
    (digests) => postMessage({ id, digests } satisfies HashResult),
    (error: unknown) =>
      postMessage({
        id,
        error: { code: isFerryError(error) ? error.code : 'unexpected', message: error instanceof Error ? error.message : String(error) },
      } satisfies HashResult),
  );
};
