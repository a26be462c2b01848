import { isStoreError, type FerryError, type UploadSnapshot, type UploadState } from '@ferry/core';
import { html, nothing } from 'lit';
import { formatBytes, formatDuration } from '../format.js';
import { icon } from '../icon.js';
import type { FileAction, ListTranslation, Translation } from '../translations/translation.js';
import { failureText } from './failure-text.js';
import { KIND_ICONS, STATE_MARKS } from './file-icons.js';
import { fileKind } from './file-kind.js';
import { cutName } from './name-cut.js';
import { sizeNote } from './size-note.js';

/** What a row needs from its element besides the upload itself. */
export interface FileRowView {
  /** The strings, the list's included (`withListStrings`). */
  readonly t: Translation & ListTranslation;
  readonly locale: string;
  /** Object URL of the image's thumbnail, once made; the type icon shows until then, and for good when none can be made. */
  readonly thumbnail?: string | undefined;
  /** Path under a dropped or picked folder. */
  readonly path?: string | undefined;
  /** A line about the file itself, under its progress (e.g. what was done to it before upload). */
  readonly note?: string | undefined;
  /** Why the store could not be told of its cancel, if it could not. */
  readonly refusal?: FerryError | undefined;
  /** A sentence on what went wrong with the row beside its upload (a refused delete), shown as its error. */
  readonly failure?: string | undefined;
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

/**
 * The buttons a row offers: its state's, less Retry after `integrity-unverifiable` (the engine
 * sends nothing again for it: the store's configuration must change first).
 */
export function rowActions(upload: UploadSnapshot): readonly FileAction[] {
  const actions = ACTIONS[upload.state];
  return upload.error?.code === 'integrity-unverifiable' ? actions.filter((action) => action !== 'retry') : actions;
}

/** Percent done, whole numbers; an empty file is 100 % once stored. */
export function percentOf(done: number, total: number, finished: boolean): number {
  return total === 0 ? (finished ? 100 : 0) : Math.floor((done / total) * 100);
}

/**
 * The bytes a row's bar stands for: those sent while the upload runs, but only those the store
 * confirmed once it failed or was cancelled (a single PUT that failed stored nothing, however much
 * of its body went out; a multipart upload keeps its finished parts).
 */
export function shownBytes(upload: UploadSnapshot): number {
  const { state, size, parts } = upload;
  if (state === 'done') return size;
  if (state !== 'error' && state !== 'cancelled') return upload.bytesSent;
  return upload.method === 'single' ? 0 : Math.min(size, Math.round((size * parts.done) / parts.total));
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

/** The technical side of a failure, folded: the engine's message and the store's own fields. */
function technicalDetails(t: ListTranslation, error: FerryError) {
  const fields = isStoreError(error) ? Object.entries(error.details).filter(([, value]) => value) : [];
  return html`<details part="details">
    <summary>${t.technicalDetails}</summary>
    <p>${error.message}</p>
    ${
      fields.length
        ? html`<dl>
            ${fields.map(
              ([field, value]) =>
                html`<dt>${field}</dt>
                  <dd><pre>${value}</pre></dd>`,
            )}
          </dl>`
        : nothing
    }
  </details>`;
}

/**
 * One file's row, on the list's grid: thumbnail or type icon, name (shortened in the middle so
 * its extension stays, full name in `title`), the buttons its state allows (each naming the file),
 * progress, the state with its mark, bytes, speed and ETA, an optional note, where it was stored,
 * and why it failed (a sentence, with the technical detail in a disclosure). A queued row shows its
 * size and no bar (nothing has started: an empty bar and "0 bytes of" would say nothing); a
 * cancelled row has no bar; a failed one shows only what the store confirmed.
 */
export function fileRow(upload: UploadSnapshot, view: FileRowView) {
  const { t, locale } = view;
  const { name, state } = upload;
  const error = view.refusal ?? (state === 'error' ? upload.error : undefined);
  const label = view.path || name;
  const stored = shownBytes(upload);
  const percent = percentOf(stored, upload.size, state === 'done');
  const bytes = t.bytesOf(formatBytes(stored, locale), formatBytes(upload.size, locale));
  const moving = state === 'uploading' && upload.speed > 0;
  const mark = STATE_MARKS[state];
  const note = view.note ?? sizeNote(upload, t, locale);
  return html`<li part="row" data-id=${upload.id} data-state=${state}>
    <span class="visual"
      >${
        view.thumbnail
          ? html`<img part="thumbnail" class="thumb" src=${view.thumbnail} alt="" />`
          : icon(KIND_ICONS[fileKind(upload.type, name)], 'icon file-icon')
      }</span
    >
    <span class="line">
      <span part="name" class="name" title=${label}>${cutName(label)}</span>
      <span part="actions" class="actions">
        ${rowActions(upload).map(
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
    </span>
    ${state === 'cancelled' || state === 'queued' ? nothing : progressBar(t.progressOf(name), percent, bytes)}
    <span part="meta" class="meta">
      <span part="status" class="status">${mark ? icon(mark, 'icon mark') : nothing}${t.states[state]}</span>
      <span>${state === 'done' || state === 'queued' ? formatBytes(upload.size, locale) : bytes}</span>
      ${moving ? html`<span>${t.speedEta(formatBytes(upload.speed, locale, true), formatDuration(upload.eta ?? 0, locale))}</span>` : nothing}
    </span>
    ${note ? html`<span part="note" class="note">${note}</span>` : nothing}
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
              >${view.refusal ? t.abortRefused(name, failureText(t, error)) : failureText(t, error)}</span
            >
            ${technicalDetails(t, error)}`
        : view.failure
          ? html`<span part="error" class="error">${view.failure}</span>`
          : nothing
    }
  </li>`;
}
