import { EndpointError, StoreError, type UploaderEvents, type UploadSnapshot, type UploadState } from '@ferry/core';
import type { UploaderLike } from '../controllers/upload-controller.js';

/** What a story sets of an upload; the rest is filled in. */
export type FakeUpload = Partial<UploadSnapshot> & { readonly name: string; readonly state: UploadState };

type Listener = (event: never) => void;

/**
 * A FAKE uploader for stories only: it holds scripted snapshots in memory and sends nothing, so
 * Storybook can show every visual state (uploading at 2 MB/s, paused, failed with a 403…)
 * without a store. Buttons change the state as the real engine would; no byte moves.
 */
export class FakeUploader implements UploaderLike {
  readonly #uploads: UploadSnapshot[];
  readonly #listeners = new Map<keyof UploaderEvents, Set<Listener>>();
  #next = 1;

  /** `refuseAbort`: cancel() rejects as when the signing endpoint could not abort the upload on the store. */
  constructor(
    uploads: readonly FakeUpload[] = [],
    private readonly options: { readonly refuseAbort?: boolean } = {},
  ) {
    this.#uploads = uploads.map((upload) => this.#snapshot(upload));
  }

  on<K extends keyof UploaderEvents>(type: K, listener: (event: UploaderEvents[K]) => void): () => void {
    const set = this.#listeners.get(type) ?? new Set();
    this.#listeners.set(type, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  list(): UploadSnapshot[] {
    return [...this.#uploads];
  }

  get(id: string): UploadSnapshot | undefined {
    return this.#uploads.find((upload) => upload.id === id);
  }

  add(file: { readonly name: string; readonly size: number; readonly type: string }): UploadSnapshot {
    const upload = this.#snapshot({ name: file.name, size: file.size, type: file.type, state: 'queued' });
    this.#uploads.push(upload);
    this.#emit('add', { upload });
    return upload;
  }

  start(id?: string): void {
    this.#move(id, ['queued'], 'uploading');
  }

  pause(id?: string): void {
    this.#move(id, ['queued', 'preparing', 'uploading'], 'paused');
  }

  resume(id?: string): void {
    this.#move(id, ['paused'], 'uploading');
  }

  retry(id?: string): void {
    this.#move(id, ['error'], 'uploading');
  }

  async cancel(id?: string): Promise<void> {
    this.#move(id, ['queued', 'preparing', 'uploading', 'paused', 'error'], 'cancelled');
    if (this.options.refuseAbort) throw abortRefused();
  }

  async remove(id: string): Promise<void> {
    const index = this.#uploads.findIndex((upload) => upload.id === id);
    if (index === -1) return;
    const [upload] = this.#uploads.splice(index, 1);
    this.#emit('remove', { upload: upload! });
  }

  #snapshot(upload: FakeUpload): UploadSnapshot {
    const size = upload.size ?? 48 * 1024 * 1024;
    return {
      id: `fake${this.#next++}`,
      type: 'application/octet-stream',
      bytesSent: upload.state === 'done' ? size : 0,
      speed: 0,
      eta: undefined,
      method: size > 8 * 1024 * 1024 ? 'multipart' : 'single',
      parts: { done: 0, total: Math.max(1, Math.ceil(size / (8 * 1024 * 1024))) },
      ...upload,
      size,
    };
  }

  #move(id: string | undefined, from: readonly UploadState[], to: UploadState): void {
    this.#uploads.forEach((upload, index) => {
      if ((id !== undefined && upload.id !== id) || !from.includes(upload.state)) return;
      const next = { ...upload, state: to, error: undefined };
      this.#uploads[index] = next;
      this.#emit('state', { upload: next, previous: upload.state });
    });
  }

  #emit<K extends keyof UploaderEvents>(type: K, event: UploaderEvents[K]): void {
    for (const listener of this.#listeners.get(type) ?? []) (listener as (event: UploaderEvents[K]) => void)(event);
  }
}

/** An abort the signing endpoint refused, as core reports it. */
function abortRefused(): EndpointError {
  return new EndpointError(
    'abort-multipart',
    'The endpoint answered HTTP 403: the session has expired; sign in again.',
    { status: 403 },
  );
}

/** A 403 as the store sends it, with its diagnostic fields, for the error story. */
export function signatureMismatch(): StoreError {
  return new StoreError(
    'signature-mismatch',
    'The store refused the signature of part 3 (403 SignatureDoesNotMatch): a header differs from the signed one.',
    {
      status: 403,
      partNumber: 3,
      details: {
        Code: 'SignatureDoesNotMatch',
        Message: 'The request signature we calculated does not match the signature you provided.',
        StringToSign: 'AWS4-HMAC-SHA256\n20261202T101500Z\n20261202/us-east-1/s3/aws4_request\n5f0e…',
        CanonicalRequest:
          'PUT\n/ferry/uploads/4f1c/photo.png\npartNumber=3&uploadId=…\ncontent-length:8388608\ncontent-type:image/png\nhost:127.0.0.1:4568\n\ncontent-length;content-type;host\nUNSIGNED-PAYLOAD',
      },
    },
  );
}
