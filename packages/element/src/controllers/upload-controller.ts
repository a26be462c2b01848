import { Uploader, type UploaderOptions, type UploadSnapshot } from '@ferry/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ferryEvent } from '../events/ferry-events.js';

/**
 * Bridges an `Uploader` to an element: keeps the list of upload snapshots the element renders,
 * re-dispatches the engine's events as `ferry-*` DOM events, and asks for a render when needed.
 */
export class UploadController implements ReactiveController {
  /** The uploads, in the order added, as last reported. */
  uploads: UploadSnapshot[] = [];
  private current: Uploader | undefined;
  private unsubscribe: (() => void)[] = [];

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** The uploader in use, if any yet. */
  get active(): Uploader | undefined {
    return this.current;
  }

  /** The uploader to use: `provided` when given, else one built from `options()` on first use. */
  uploader(provided: Uploader | undefined, options: () => UploaderOptions): Uploader {
    const wanted = provided ?? this.current ?? new Uploader(options());
    if (wanted !== this.current) this.attach(wanted);
    return wanted;
  }

  hostConnected(): void {
    if (this.current && this.unsubscribe.length === 0) this.attach(this.current);
  }

  hostDisconnected(): void {
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
  }

  private attach(uploader: Uploader): void {
    this.hostDisconnected();
    this.current = uploader;
    this.uploads = uploader.list();
    const host = this.host;
    const replace = (upload: UploadSnapshot): void => {
      const index = this.uploads.findIndex((u) => u.id === upload.id);
      if (index === -1) this.uploads = [...this.uploads, upload];
      else this.uploads = this.uploads.map((u, i) => (i === index ? upload : u));
      host.requestUpdate();
    };
    this.unsubscribe = [
      uploader.on('add', ({ upload }) => {
        replace(upload);
        host.dispatchEvent(ferryEvent('ferry-add', { upload }));
      }),
      uploader.on('state', ({ upload }) => {
        replace(upload);
        host.dispatchEvent(ferryEvent('ferry-state', { upload }));
      }),
      uploader.on('progress', ({ upload }) => {
        replace(upload);
        host.dispatchEvent(ferryEvent('ferry-progress', { upload }));
      }),
      uploader.on('complete', ({ upload }) => host.dispatchEvent(ferryEvent('ferry-complete', { upload }))),
      uploader.on('error', ({ upload, error }) => host.dispatchEvent(ferryEvent('ferry-error', { upload, error }))),
      uploader.on('remove', ({ upload }) => {
        this.uploads = this.uploads.filter((u) => u.id !== upload.id);
        host.requestUpdate();
      }),
    ];
  }
}
