import type { FerryError, UploadSnapshot } from '@ferry/core';
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { fileRow, percentOf, progressBar, shownBytes } from '../file-row/file-row.js';
import { REFUSED_MARK, STATE_MARKS } from '../file-row/file-icons.js';
import { cutName } from '../file-row/name-cut.js';
import { formatBytes } from '../format.js';
import { icon } from '../icon.js';
import type { CheckTranslation, FileAction, ListTranslation, Translation } from '../translations/translation.js';
import type { FormFiles } from '../existing/form-files.js';
import { withCheckStrings } from '../translations/en-checks.js';
import { withListStrings } from '../translations/en-list.js';

/** A refused file, shown inline until dismissed. */
export interface RejectedRow {
  readonly id: string;
  readonly name: string;
  readonly message: string;
  /** Its place among the files, in the order they were added. */
  readonly order: number;
}

/** What the list renders, read from its element. */
export interface FileListView {
  /** The strings; the same object as long as they are the same strings (rows are made again when it changes). */
  readonly t: Translation;
  readonly locale: string;
  readonly uploads: readonly UploadSnapshot[];
  /** The files the form already had (shown as done rows before the uploads, not in the total) and refused deletes. */
  readonly forms?: Pick<FormFiles, 'rows' | 'failure' | 'thumbnail'> | undefined;
  readonly rejected: readonly RejectedRow[];
  /** The place of upload `id` in the order files were added. */
  readonly order: (id: string) => number;
  /** Thumbnail, folder path and note of upload `id`. */
  readonly extras: (id: string) => { thumbnail?: string | undefined; path?: string | undefined; note?: string };
  /** Why the store could not be told of the cancel of upload `id`. */
  readonly refusal: (id: string) => FerryError | undefined;
  /** Runs a row's button: the same function at every render (a row is not made again for it). */
  readonly act: (action: FileAction, upload: UploadSnapshot) => void;
  readonly dismiss: (row: RejectedRow) => void;
}

/**
 * The list of files and the total under it, loaded with the first file (a page whose widget is
 * never used does not pay for it). Refused and accepted files share one list, in the order they
 * were added, on one grid: every row's name, bar and text start at the same edge, as does the
 * total, which has a visible label.
 */
export function fileList(view: FileListView): TemplateResult {
  const { locale } = view;
  const t = withCheckStrings(withListStrings(view.t));
  // A row is made again only when what it shows changed (its upload, thumbnail, strings…): with
  // hundreds of rows, a render for one row's news (a thumbnail, a progress event) stays cheap.
  const entries = [
    ...view.rejected.map((row) => ({ order: row.order, row: rejectedRow(row, t, view.dismiss) })),
    ...(view.forms?.rows() ?? []).map((upload) => {
      const thumbnail = view.forms!.thumbnail(upload.id);
      const failure = view.forms!.failure(upload.id);
      return {
        order: 0,
        row: guard([upload, view.t, locale, thumbnail, failure], () =>
          fileRow(upload, { t, locale, thumbnail, failure, act: view.act }),
        ),
      };
    }),
    ...view.uploads.map((upload) => {
      const { thumbnail, path, note } = view.extras(upload.id);
      const refusal = view.refusal(upload.id);
      const failure = view.forms?.failure(upload.id);
      return {
        order: view.order(upload.id),
        row: guard([upload, view.t, locale, thumbnail, path, note, refusal, failure], () =>
          fileRow(upload, { t, locale, thumbnail, path, note, refusal, failure, act: view.act }),
        ),
      };
    }),
  ].sort((a, b) => a.order - b.order);
  const live = view.uploads.filter((upload) => upload.state !== 'cancelled');
  return html`<ul part="list" aria-label=${t.uploads}>
      ${entries.map((entry) => entry.row)}
    </ul>
    ${live.length > 1 ? total(live, t, locale) : nothing}`;
}

function rejectedRow(
  row: RejectedRow,
  t: Translation & ListTranslation & CheckTranslation,
  dismiss: FileListView['dismiss'],
): TemplateResult {
  return html`<li part="row rejected" data-id=${row.id} data-state="rejected">
    <span class="visual">${icon(REFUSED_MARK, 'icon mark')}</span>
    <span class="line">
      <span part="name" class="name" title=${row.name}>${cutName(row.name)}</span>
      <span part="actions" class="actions"
        ><button
          part="action dismiss"
          type="button"
          aria-label=${t.actionOn('dismiss', row.name)}
          @click=${() => dismiss(row)}
        >
          ${t.actions.dismiss}
        </button></span
      >
    </span>
    <span part="error" class="error">${t.rejected(row.name, row.message)}</span>
  </li>`;
}

/**
 * The total: what happened ("1 failed · 3 of 4 files stored"), the bytes and the speed, and a bar
 * that takes the colour and mark of the outcome: failed as soon as one file failed (however full
 * the bar, its colour must not say all is well), done once every file is.
 */
function total(live: readonly UploadSnapshot[], t: Translation & ListTranslation, locale: string): TemplateResult {
  const size = live.reduce((sum, upload) => sum + upload.size, 0);
  const sent = live.reduce((sum, upload) => sum + shownBytes(upload), 0);
  const speed = live.reduce((sum, upload) => sum + (upload.state === 'uploading' ? upload.speed : 0), 0);
  const bytes = t.bytesOf(formatBytes(sent, locale), formatBytes(size, locale));
  const stored = live.filter((upload) => upload.state === 'done').length;
  const failed = live.filter((upload) => upload.state === 'error').length;
  const state = failed > 0 ? 'error' : stored === live.length ? 'done' : 'uploading';
  const summary = t.totalSummary(stored, live.length, failed);
  const mark = STATE_MARKS[state];
  return html`<div part="total" class="total" data-state=${state}>
    <span class="visual">${mark ? icon(mark, 'icon mark') : nothing}</span>
    <span class="name" aria-hidden="true">${t.totalProgress}</span>
    ${progressBar(t.totalProgress, percentOf(sent, size, state === 'done'), `${summary}, ${bytes}`)}
    <span part="meta" class="meta"
      ><span part="summary" class="summary">${summary}</span><span>${bytes}</span>${
        speed > 0 ? html`<span>${formatBytes(speed, locale, true)}</span>` : nothing
      }</span
    >
  </div>`;
}
