import { isStoreError, type FerryError, type UploadSnapshot, type UploadState } from '@ferry/core';
import { html, nothing } from 'lit';
import { formatBytes, formatDuration } from '../format.js';
import { sizeNote } from './size-note.js';
import type { FileAction, Translation } from '../translations/translation.js';

/** What a row needs from its element besides the upload itself. */
export interface FileRowView {
  readonly t: Translation;
  readonly locale: string;
  /** Object URL of an image preview, when the file is an image. */
  readonly thumbnail?: string | undefined;
  /** Path under a dropped or picked folder. */
  readonly path?: string | undefined;
  /** Why the store could not be told of its cancel, if it could not. */
  readonly refusal?: FerryError | undefined;
  /** Runs a row's button. */
  readonly act: (action: FileAction, upload: UploadSnapshot) => void;
}

/** The buttons each state offers; completing offers none (the store is assembling the object). */
const ACTIONS: Readonly<Record<UploadState, readonly FileAction[]>> = {
  queued: ['cancel'],
  preparing: ['pause', 'cancel'],
  uploading: ['pause', 'cancel'],
  paused: ['resume', 'cancel'],
  completing: [],
  done: ['remove'],
  error: ['retry', 'remove'],
  cancelled: ['remove'],
};

/** Percent done, whole numbers; an empty file is 100 % once stored. */
export function percentOf(done: number, total: number, finished: boolean): number {
  return total === 0 ? (finished ? 100 : 0) : Math.floor((done / total) * 100);
}

/** A progress bar with its value exposed to assistive tech (ARIA's defaults: 0 to 100). */
export function progressBar(label: string, percent: number, text: string) {
  return html`<div
    part="progress"
    class="bar"
    role="progressbar"
    aria-label=${label}
    aria-valuenow=${percent}
    aria-valuetext=${text}
  >
    <div part="progress-indicator" style="inline-size:${percent}%"></div>
  </div>`;
}

/**
 * One file's row: preview, name (ellipsis, full name in `title`), size, progress, bytes, speed
 * and ETA, state, the buttons its state allows (each naming the file), and the reason of a
 * failure (or of a cancel the store could not be told of) with the store's diagnostic in a disclosure.
 */
export function fileRow(upload: UploadSnapshot, view: FileRowView) {
  const { t, locale } = view;
  const { name, state } = upload;
  const error = view.refusal ?? (state === 'error' ? upload.error : undefined);
  const label = view.path || name;
  const percent = percentOf(upload.bytesSent, upload.size, state === 'done');
  const bytes = t.bytesOf(formatBytes(upload.bytesSent, locale), formatBytes(upload.size, locale));
  const moving = state === 'uploading' && upload.speed > 0;
  const details = isStoreError(error) ? Object.entries(error.details).filter(([, value]) => value) : [];
  return html`<li part="row" data-id=${upload.id} data-state=${state}>
    ${view.thumbnail ? html`<img part="thumbnail" class="thumb" src=${view.thumbnail} alt="" />` : nothing}
    <span part="name" class="name" title=${label}>${label}</span>
    <span part="actions" class="actions">
      ${ACTIONS[state].map(
        (action) =>
          html`<button
            part="action ${action}"
            type="button"
            aria-label=${t.actionOn(action, name)}
            @click=${() => view.act(action, upload)}
          >
            ${t.actions[action]}
          </button>`,
      )}
    </span>
    ${progressBar(t.progressOf(name), percent, bytes)}
    <span part="meta" class="meta">
      <span part="status">${t.states[state]}</span>
      <span>${state === 'done' ? formatBytes(upload.size, locale) : bytes}</span>
      ${moving ? html`<span>${t.speedEta(formatBytes(upload.speed, locale, true), formatDuration(upload.eta ?? 0, locale))}</span>` : nothing}
    </span>
    ${sizeNote(upload, t, locale)}
    ${
      state === 'done' && upload.key
        ? html`<span part="key" class="key"
            >${t.storedAs}
            ${upload.location ? html`<a href=${upload.location} target="_blank">${upload.key}</a>` : upload.key}</span
          >`
        : nothing
    }
    ${
      error
        ? html`<span part="error" class="error"
              >${view.refusal ? t.abortRefused(name, error.message) : error.message}</span
            >
            ${
              details.length
                ? html`<details part="details">
                    <summary>${t.storeDetails}</summary>
                    <dl>
                      ${details.map(
                        ([field, value]) =>
                          html`<dt>${field}</dt>
                            <dd><pre>${value}</pre></dd>`,
                      )}
                    </dl>
                  </details>`
                : nothing
            }`
        : nothing
    }
  </li>`;
}
