import type { FerryError, UploadSnapshot } from '@ferry/core';
import { adoptStyles, html, nothing, type LitElement, type TemplateResult } from 'lit';
import type { HostLink } from '../existing/host-link.js';
import { failureText } from '../file-row/failure-text.js';
import type { FileAction, Translation } from '../translations/translation.js';
import { withListStrings } from '../translations/en-list.js';
import { fileList } from './file-list.js';
import { fileListStyles } from './file-list.styles.js';
import { FocusKeeper } from './focus-keeper.js';

/**
 * The part of `<ferry-uploader>` that only matters once it lists a file, loaded with the first
 * one: it brings the list's styles and focus keeping into the element, renders the rows (and the
 * Upload button of `manual`), carries out the rows' buttons, and words failures for the live region.
 * @example
 * ```ts
 * const view = new ListView(link);
 * html`${view.uploadButton()} ${view.render()}`;
 * ```
 */
export class ListView {
  private lastStrings: Translation | undefined;
  private readonly actOn = (action: FileAction, upload: UploadSnapshot): void => this.act(action, upload);

  constructor(private readonly link: HostLink) {
    const { host } = link;
    // The element's own styles stay first; the list's come after them.
    const { elementStyles } = host.constructor as typeof LitElement;
    adoptStyles(host.renderRoot as ShadowRoot, [...elementStyles, fileListStyles]);
    // Focus stays in the widget when a render takes the focused row or button away.
    host.addController(new FocusKeeper(host, link.dropzone));
  }

  /** The button that starts queued uploads (`manual`), while some are queued. */
  uploadButton(): TemplateResult | typeof nothing {
    const { link } = this;
    if (!link.uploads.uploads.some((upload) => upload.state === 'queued')) return nothing;
    return html`<button
      part="upload-button"
      class="primary"
      type="button"
      ?disabled=${link.off()}
      @click=${() => link.uploads.start()}
    >
      ${link.t().upload}
    </button>`;
  }

  /** The rows, in the order files were added, and the total. */
  render(): TemplateResult {
    const { link } = this;
    const intake = link.intake();
    return fileList({
      t: this.strings(link.t()),
      locale: link.locale(),
      uploads: link.uploads.uploads,
      rejected: intake?.rejected ?? [],
      forms: link.forms(),
      order: (id) => link.extras.get(id)?.order ?? 0,
      extras: (id) => link.extras.get(id) ?? {},
      refusal: (id) => link.uploads.refusal(id),
      act: this.actOn,
      dismiss: (row) => intake?.dismiss(row),
    });
  }

  /** Says that `upload` failed, in the words its row shows (or that the store could not be told of its cancel). */
  announceFailure(upload: UploadSnapshot, error: FerryError): void {
    const t = withListStrings(this.link.t());
    const reason = failureText(t, error);
    // On a cancelled upload the error is an abort the store could not be told of, not a failed upload.
    this.link.say(upload.state === 'cancelled' ? t.abortRefused(upload.name, reason) : t.failed(upload.name, reason));
  }

  /** `t`, or the object it was last time when it holds the same strings: the rows' guards compare it by identity. */
  private strings(t: Translation): Translation {
    const last = this.lastStrings;
    const keys = Object.keys(t) as (keyof Translation)[];
    const same = last && keys.length === Object.keys(last).length && keys.every((key) => t[key] === last[key]);
    return same ? last : (this.lastStrings = t);
  }

  private act(action: FileAction, upload: UploadSnapshot): void {
    const { link } = this;
    // Existing files and deletes are the forms module's; dismiss is for rejected rows only.
    if (action === 'remove' && (link.host.deleteOnRemove || link.forms()?.owns(upload.id)))
      void link.loadForms().then((forms) => forms.remove(upload));
    else if (action !== 'dismiss') link.uploads.act(upload.id, action);
  }
}
