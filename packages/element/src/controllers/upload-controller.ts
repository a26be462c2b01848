import { Uploader, type UploaderEvents, type UploaderOptions, type UploadSnapshot } from '@ferry/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FerryAddEvent } from '../events/ferry-add.js';
import { FerryCompleteEvent } from '../events/ferry-complete.js';
import { FerryErrorEvent } from '../events/ferry-error.js';
import { FerryProgressEvent } from '../events/ferry-progress.js';
import { FerryRemoveEvent } from '../events/ferry-remove.js';
import { FerryStateEvent } from '../events/ferry-state.js';
import type { FerryUploadEvent } from '../events/ferry-upload-event.js';

/**
 * What the element needs of an uploader: `Uploader` from @ferry/core, or anything shaped like it
 * (a fake for stories).
 */
export type UploaderLike = Pick<Uploader, 'on' | 'list' | 'add' | 'start' | 'pause' | 'resume' | 'retry' | 'cancel' | 'remove'>;

/** The engine's events that become `ferry-*` DOM events, and the event each becomes. */
const RELAYED: { readonly [K in 'add' | 'state' | 'progress' | 'complete' | 'error' | 'remove']: (event: UploaderEvents[K]) => FerryUploadEvent } = {
  add: ({ upload }) => new FerryAddEvent(upload),
  state: ({ upload, previous }) => new FerryStateEvent(upload, previous),
  progress: ({ upload }) => new FerryProgressEvent(upload),
  complete: ({ upload }) => new FerryCompleteEvent(upload),
  error: ({ upload, error }) => new FerryErrorEvent(upload, error),
  remove: ({ upload }) => new FerryRemoveEvent(upload),
};
type Relayed = keyof typeof RELAYED;

/**
 * Bridges an `Uploader` to an element: keeps the list of upload snapshots the element renders,
 * re-dispatches the engine's events as `ferry-*` DOM events, and asks for a render when needed.
 */
export class UploadController implements ReactiveController {
  /** The uploads, in the order added, as last reported. */
  uploads: UploadSnapshot[] = [];
  private current: UploaderLike | undefined;
  private unsubscribe: (() => void)[] = [];

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** The uploader in use, if any yet. */
  get active(): UploaderLike | undefined {
    return this.current;
  }

  /** The uploader to use: `provided` when given, else one built from `options()` on first use. */
  uploader(provided: UploaderLike | undefined, options: () => UploaderOptions): UploaderLike {
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

  private attach(uploader: UploaderLike): void {
    this.hostDisconnected();
    this.current = uploader;
    this.uploads = uploader.list();
    const host = this.host;
    const relay = <K extends Relayed>(type: K) =>
      uploader.on(type, (event: UploaderEvents[K]) => {
        const { upload } = event;
        const known = this.uploads.some((u) => u.id === upload.id);
        if (type === 'remove') this.uploads = this.uploads.filter((u) => u.id !== upload.id);
        else if (!known) this.uploads = [...this.uploads, upload];
        else this.uploads = this.uploads.map((u) => (u.id === upload.id ? upload : u));
        host.requestUpdate();
        host.dispatchEvent(RELAYED[type](event));
      });
    this.unsubscribe = (Object.keys(RELAYED) as Relayed[]).map(relay);
  }
}
