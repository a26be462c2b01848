// <ferry-uploader> in a look state. Its uploads are held by a FAKE uploader (nothing is sent): the
// element renders real Files (thumbnails included) whose state and progress are set from the
// script, as the engine would report them, so a state stays frozen for the screenshot.
import { StoreError, type UploaderEvents, type UploadSnapshot } from '@ferry/core';
import '@ferry/element';
import type { UploaderLike } from '@ferry/element';
import { FAILURE, type FileStand } from './look-states.js';

type Listener = (event: never) => void;

/** A FAKE uploader that keeps snapshots and changes them only when told to (`set`). */
class ScriptedUploader implements UploaderLike {
  readonly #uploads: UploadSnapshot[] = [];
  readonly #listeners = new Map<keyof UploaderEvents, Set<Listener>>();

  on<K extends keyof UploaderEvents>(type: K, listener: (event: UploaderEvents[K]) => void): () => void {
    const set = this.#listeners.get(type) ?? new Set();
    this.#listeners.set(type, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  list(): UploadSnapshot[] {
    return [...this.#uploads];
  }

  add(file: File): UploadSnapshot {
    const upload: UploadSnapshot = {
      id: `look${this.#uploads.length + 1}`,
      name: file.name,
      size: file.size,
      type: file.type,
      state: 'queued',
      bytesSent: 0,
      speed: 0,
      eta: undefined,
      method: 'single',
      parts: { done: 0, total: 1 },
    };
    this.#uploads.push(upload);
    this.#emit('add', { upload });
    return upload;
  }

  // The buttons do nothing: the script alone moves the uploads.
  start(): void {}
  pause(): void {}
  resume(): void {}
  retry(): void {}
  async cancel(): Promise<void> {}
  async remove(): Promise<void> {}

  /** Puts upload `index` where `stand` says, with the events the engine would send. */
  set(index: number, stand: FileStand): void {
    const previous = this.#uploads[index]!;
    const { size } = previous;
    const upload: UploadSnapshot =
      stand.state === 'queued'
        ? previous
        : stand.state === 'uploading'
          ? {
              ...previous,
              state: 'uploading',
              bytesSent: Math.round(size * stand.sent),
              speed: 1.8 * 1024 * 1024,
              eta: 4,
            }
          : stand.state === 'done'
            ? {
                ...previous,
                state: 'done',
                bytesSent: size,
                parts: { done: 1, total: 1 },
                key: `uploads/${previous.name}`,
              }
            : {
                ...previous,
                state: 'error',
                bytesSent: Math.round(size * stand.sent),
                error: new StoreError('store', FAILURE, {
                  status: 500,
                  details: { Code: 'InternalError', Message: 'We encountered an internal error. Please try again.' },
                }),
              };
    this.#uploads[index] = upload;
    if (upload === previous) return;
    this.#emit('state', { upload, previous: previous.state });
    if (upload.state === 'done') this.#emit('complete', { upload });
    if (upload.state === 'error') this.#emit('error', { upload, error: upload.error! });
  }

  #emit<K extends keyof UploaderEvents>(type: K, event: UploaderEvents[K]): void {
    for (const listener of this.#listeners.get(type) ?? []) (listener as (event: UploaderEvents[K]) => void)(event);
  }
}

/** Shows <ferry-uploader> in `frame` with `files` standing as `stands` say. */
export async function showFerry(frame: HTMLElement, files: File[], stands: readonly FileStand[]): Promise<void> {
  const element = document.createElement('ferry-uploader');
  const uploader = new ScriptedUploader();
  element.multiple = true;
  element.manual = stands.every((stand) => stand.state === 'queued');
  element.uploader = uploader;
  frame.append(element);
  await element.updateComplete;
  if (stands.length === 0) return;
  element.addFiles(files);
  // The element adds through its lazily loaded intake: wait until the files reach the uploader.
  while (uploader.list().length < files.length) await new Promise((resolve) => setTimeout(resolve, 10));
  stands.forEach((stand, index) => uploader.set(index, stand));
  await element.updateComplete;
}
