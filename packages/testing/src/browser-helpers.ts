// Helpers for test pages running in a browser (no Node APIs); untilSettled serves Node tests too.

/** A `File` of `size` random bytes. */
export function randomFile(size: number, name: string, type = 'application/octet-stream'): File {
  const bytes = new Uint8Array(size);
  // getRandomValues fills at most 64 KiB per call.
  for (let offset = 0; offset < size; offset += 65536) crypto.getRandomValues(bytes.subarray(offset, offset + 65536));
  return new File([bytes], name, { type });
}

/** SHA-256 (hex) of a blob or buffer, with WebCrypto. */
export async function sha256Hex(data: Blob | ArrayBuffer): Promise<string> {
  const buffer = data instanceof Blob ? await data.arrayBuffer() : data;
  const digest = await crypto.subtle.digest('SHA-256', buffer);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * SHA-256 of the object stored under `key` in the test stack's local store, read back by the test
 * server with a signed GetObject (the store, like a private bucket, refuses unsigned reads).
 */
export async function storedSha256(key: string): Promise<string> {
  // Loaded when used: the test runner's command module touches `window`, which Node tests lack.
  const { executeServerCommand } = await import('@web/test-runner-commands');
  return executeServerCommand<string, { key: string }>('ferry-stored-sha256', { key });
}

/** An object read back from the local store: its bytes and what it is stored with. */
export interface StoredObjectView {
  readonly bytes: Uint8Array;
  readonly contentType: string | undefined;
  readonly size: number | undefined;
  readonly metadata: Record<string, string>;
  readonly contentDisposition: string | undefined;
  readonly cacheControl: string | undefined;
}

/** Reads an object back from the test stack's local store (GetObject, through its signature checks). */
export async function storedObject(key: string): Promise<StoredObjectView> {
  const { executeServerCommand } = await import('@web/test-runner-commands');
  const { base64, ...rest } = await executeServerCommand<StoredObjectView & { base64: string }, { key: string }>(
    'ferry-stored-object',
    { key },
  );
  return { ...rest, bytes: Uint8Array.from(atob(base64), (char) => char.charCodeAt(0)) };
}

/** The part of an `Uploader` that {@link untilSettled} needs (kept structural: no dependency on core). */
interface SettlingUploader<S extends { readonly id: string; readonly state: string }> {
  on(type: 'state', listener: (event: { readonly upload: S }) => void): () => void;
  get(id: string): S | undefined;
}

/** Resolves with the upload's snapshot once it is done, failed or cancelled (at once if it already is). */
export function untilSettled<S extends { readonly id: string; readonly state: string }>(
  uploader: SettlingUploader<S>,
  id: string,
): Promise<S> {
  const final = (upload: S | undefined): upload is S =>
    upload !== undefined && ['done', 'error', 'cancelled'].includes(upload.state);
  return new Promise((resolve) => {
    const now = uploader.get(id);
    if (final(now)) return resolve(now);
    const off = uploader.on('state', ({ upload }) => {
      if (upload.id === id && final(upload)) {
        off();
        resolve(upload);
      }
    });
  });
}
