import { Uploader, type UploaderOptions, type UploadSnapshot } from '@ferry/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ferryEvent, type FerryErrorDetail } from '../events/ferry-events.js';

/**
 * What the element needs of an uploader: `Uploader` from @ferry/core, or anything shaped like it
 * (a fake for stories).
 */
export type UploaderLike = Pick<Uploader, 'on' | 'list' | 'add' | 'start' | 'pause' | 'resume' | 'retry' | 'cancel' | 'remove'>;

/** The engine's events that become `ferry-*` DOM events, with their own `detail`. */
const RELAYED = ['add', 'state', 'progress', 'complete', 'error', 'remove'] as const;
type Relayed = (typeof RELAYED)[number];

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
    const relay = (type: Relayed) =>
      uploader.on(type, (event) => {
        const { upload } = event;
        const known = this.uploads.some((u) => u.id === upload.id);
        if (type === 'remove') this.uploads = this.uploads.filter((u) => u.id !== upload.id);
        else if (!known) this.uploads = [...this.uploads, upload];
        else this.uploads = this.uploads.map((u) => (u.id === upload.id ? upload : u));
        host.requestUpdate();
        host.dispatchEvent(ferryEvent(`ferry-${type}`, event as FerryErrorDetail));
      });
    this.unsubscribe = RELAYED.map(relay);
  }
}
