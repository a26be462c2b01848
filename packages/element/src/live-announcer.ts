import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** What happens to files that the live region counts rather than lists: "3 files uploaded". */
export type Tally = 'added' | 'done' | 'removed' | 'cancelled';

/** How long the region gathers news before it speaks: completions a few ms apart become one sentence. */
const GATHER_MS = 250;

/**
 * The element's polite live region: what screen readers say about files added, stored, failed,
 * cancelled, removed and refused. What happens close together is gathered for a moment and said
 * once: files added, stored, cancelled or removed are counted into one sentence each ("2 files
 * uploaded"), so a polite region reads what is new instead of having each sentence overwrite the
 * last. A sentence equal to the one before (the same file added twice) is still said: the region
 * is emptied first, so screen readers notice the change.
 *
 * @example
 * ```ts
 * class MyElement extends LitElement {
 *   private readonly announcer = new LiveAnnouncer(this, (tally, count, first) => `${count} ${tally} (${first}…)`);
 *   render() { return this.announcer.region(); }
 * }
 * ```
 */
export class LiveAnnouncer {
  /** What the region says now. */
  text = '';
  private tallies = new Map<Tally, string[]>();
  private speech: string[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `words` says what happened to `count` files, the first of them named `first`. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly words: (tally: Tally, count: number, first: string) => string,
  ) {}

  /** Announces that `tally` happened to the file `name` (counted with others close in time). */
  count(tally: Tally, name: string): void {
    this.tallies.set(tally, [...(this.tallies.get(tally) ?? []), name]);
    this.schedule();
  }

  /** Announces `text`, after the counts gathered with it. */
  say(text: string): void {
    this.speech.push(text);
    this.schedule();
  }

  /** The live region; the host's styles hide it visually (`.visually-hidden`). */
  region(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite">${this.text}</div>`;
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      const counted = [...this.tallies].map(([tally, names]) => this.words(tally, names.length, names[0]!));
      const text = [...counted, ...this.speech].join('. ');
      this.timer = undefined;
      this.tallies.clear();
      this.speech = [];
      if (text === this.text) {
        // The same words again would change nothing in the region: empty it for a moment first.
        this.text = '';
        setTimeout(() => this.show(text), 100);
      } else this.show(text);
      this.host.requestUpdate();
    }, GATHER_MS);
  }

  private show(text: string): void {
    this.text = text;
    this.host.requestUpdate();
  }
}
