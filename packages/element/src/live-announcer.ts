import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * The element's polite live region: what screen readers say about files added, stored, failed
 * and refused. What happens together (files added and refused by one drop) is said once,
 * together, in the next microtask; each announcement replaces the last, so a polite region reads
 * what is new, not a backlog. Files added are counted into one sentence ("3 files added").
 *
 * @example
 * ```ts
 * class MyElement extends LitElement {
 *   private readonly announcer = new LiveAnnouncer(this, (count, first) => `${count} added (${first}…)`);
 *   render() { return this.announcer.region(); }
 * }
 * ```
 */
export class LiveAnnouncer {
  /** What the region says now. */
  text = '';
  private added: string[] = [];
  private speech: string[] = [];

  /** `addedText` words the files added: their count and the first one's name. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly addedText: (count: number, first: string) => string,
  ) {}

  /** Announces that the file `name` was added (counted with others added together). */
  fileAdded(name: string): void {
    this.added.push(name);
    this.schedule();
  }

  /** Announces `text`, after any files added at the same time. */
  say(text: string): void {
    this.speech.push(text);
    this.schedule();
  }

  /** The live region; the host's styles hide it visually (`.visually-hidden`). */
  region(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite">${this.text}</div>`;
  }

  private schedule(): void {
    if (this.added.length + this.speech.length > 1) return; // already scheduled
    queueMicrotask(() => {
      const { added, speech } = this;
      this.text = [...(added.length ? [this.addedText(added.length, added[0]!)] : []), ...speech].join('. ');
      this.added = [];
      this.speech = [];
      this.host.requestUpdate();
    });
  }
}
