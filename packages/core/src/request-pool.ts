import { abortable } from './abortable.js';

/**
 * A first-come, first-served limit on requests in flight. An `Uploader` has one for PUTs to
 * the store, shared by every file so that many small files and one large file share the link
 * fairly, and one for calls to the signing endpoint, so that adding a thousand files does not
 * send it a thousand requests at once.
 */
export class RequestPool {
  #active = 0;
  readonly #waiting: (() => void)[] = [];

  #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Changes the limit: a higher one lets waiting requests go at once; a lower one takes effect as requests finish. */
  setLimit(limit: number): void {
    this.#limit = limit;
    while (this.#active < this.#limit && this.#waiting.length > 0) {
      this.#active++;
      this.#waiting.shift()!();
    }
  }

  /** Waits for a free slot; the returned function gives it back (once). */
  async acquire(signal: AbortSignal): Promise<() => void> {
    signal.throwIfAborted();
    if (this.#active >= this.#limit) {
      // Granted by a release (or a higher limit), which keeps the slot counted as active.
      await abortable(signal, (grant) => {
        this.#waiting.push(grant);
        return () => this.#waiting.splice(this.#waiting.indexOf(grant), 1);
      });
    } else {
      this.#active++;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // A slot handed straight to the next waiter stays counted as active, unless over the limit.
      const next = this.#active <= this.#limit ? this.#waiting.shift() : undefined;
      if (next) next();
      else this.#active--;
    };
  }
}
