import { createHttpEndpoint, isFerryError, type Endpoint } from '@ferry/core';
import {
  createIndexedDbResumeStore,
  fingerprint,
  type InterruptedUpload,
  type InterruptedUploads,
} from '@ferry/core/resume';
import { html, nothing, type TemplateResult } from 'lit';
import { failureText } from '../file-row/failure-text.js';
import { formatBytes } from '../format.js';
import { withListStrings } from '../translations/en-list.js';
import type { HostLink } from '../existing/host-link.js';

/**
 * The uploads interrupted in this browser (a reload, a closed tab), read from the element's
 * IndexedDB resume store when it starts, with records past their life removed and their uploads
 * aborted first: "2 uploads were interrupted. Choose the same files to continue." Each shows its
 * name, size and how far it got, with a Discard button that aborts it on the store. A file
 * picked or dropped again continues by itself (the Uploader matches it by fingerprint); its
 * entry then leaves the list. Loaded after the element starts, so the page's first paint never
 * waits for it.
 * @example
 * ```ts
 * const interrupted = new InterruptedList(link);
 * await interrupted.load();
 * ```
 */
export class InterruptedList {
  /** The uploads interrupted, oldest first, less those continued or discarded since. */
  entries: readonly InterruptedUpload[] = [];
  private readonly endpoint: Endpoint;
  /** Why discarding an entry failed, by its id. */
  private readonly failures = new Map<string, string>();

  /** `store`: where the interrupted uploads are remembered; the element's own IndexedDB store unless given (a story's fake). */
  constructor(
    private readonly link: HostLink,
    private readonly store: InterruptedUploads = createIndexedDbResumeStore(),
  ) {
    this.endpoint = createHttpEndpoint({ url: link.host.endpoint });
  }

  /**
   * Removes the expired records, then lists the rest with how far each got, and announces them
   * ("2 uploads were interrupted…").
   */
  async load(): Promise<void> {
    await this.store.removeExpired(this.endpoint).catch(() => []);
    this.entries = await this.store.list({ endpoint: this.endpoint }).catch(() => []);
    if (this.entries.length > 0) this.link.say(withListStrings(this.link.t()).interrupted(this.entries.length));
    this.link.host.requestUpdate();
  }

  /**
   * A file was added: if it is one listed (the same fingerprint the Uploader resumes by, not merely
   * the same name and size), its entry leaves the list, as it continues as an upload.
   */
  added(file: File): void {
    if (this.entries.length === 0) return;
    void fingerprint(file).then((id) => {
      if (!this.entries.some((entry) => entry.id === id)) return;
      this.entries = this.entries.filter((entry) => entry.id !== id);
      this.link.host.requestUpdate();
    });
  }

  /** The list, or nothing once it is empty. */
  render(): TemplateResult | typeof nothing {
    if (this.entries.length === 0) return nothing;
    const t = withListStrings(this.link.t());
    const locale = this.link.locale();
    // Its few styles come with it, so pages without interrupted uploads never carry them.
    return html`<section part="interrupted" class="interrupted">
      <style>
        .interrupted ul {
          list-style: none;
          margin: 0;
          padding: 0;
        }
        .interrupted li {
          display: flex;
          flex-wrap: wrap;
          align-items: center;
          gap: 0.5rem;
        }
        .interrupted [part~='meta'] {
          color: var(--ferry-muted);
        }
      </style>
      <p>${t.interrupted(this.entries.length)}</p>
      <ul>
        ${this.entries.map((entry) => {
          const size = formatBytes(entry.size, locale);
          const stored = entry.bytesStored === undefined ? undefined : formatBytes(entry.bytesStored, locale);
          const failure = this.failures.get(entry.id);
          return html`<li part="interrupted-row" data-id=${entry.id}>
            <span part="name">${entry.name}</span>
            <span part="meta">${t.interruptedProgress(size, stored)}</span>
            <button
              part="action discard"
              type="button"
              ?disabled=${this.link.off()}
              aria-label=${t.discardOn(entry.name)}
              @click=${() => void this.discard(entry)}
            >
              ${t.discard}
            </button>
            ${failure ? html`<span part="error" class="error">${failure}</span>` : nothing}
          </li>`;
        })}
      </ul>
    </section>`;
  }

  /** Gives an upload up: aborted on the store, then forgotten; a failure shows on its entry, which stays. */
  private async discard(entry: InterruptedUpload): Promise<void> {
    const { host } = this.link;
    const t = withListStrings(this.link.t());
    try {
      await this.store.discard(entry.id, this.endpoint);
      const focused = host.shadowRoot?.activeElement?.closest(`[part~=interrupted-row]`)?.getAttribute('data-id');
      const index = this.entries.findIndex((each) => each.id === entry.id);
      this.entries = this.entries.filter((each) => each.id !== entry.id);
      this.failures.delete(entry.id);
      this.link.say(t.discarded(entry.name));
      // Its Discard button leaves with it: focus goes to the next entry's, else the drop zone, never the page's body.
      if (focused === entry.id) void host.updateComplete.then(() => this.focusAfter(index));
    } catch (error) {
      const text = `${entry.name}: ${isFerryError(error) ? failureText(t, error) : t.failures.unexpected}`;
      this.failures.set(entry.id, text);
      this.link.say(text);
    }
    host.requestUpdate();
  }

  /** Focuses the Discard button of the entry now at `index` (or the last), else the drop zone. */
  private focusAfter(index: number): void {
    const buttons = this.link.host.shadowRoot?.querySelectorAll<HTMLElement>('[part~=interrupted-row] [part~=discard]');
    (buttons?.[Math.min(index, buttons.length - 1)] ?? this.link.dropzone()).focus();
  }
}
