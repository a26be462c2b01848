import { ErrorCode, FerryError } from './errors/ferry-error.js';

/**
 * Aborts its `signal` with a `stalled` error when `touch()` has not been called for `timeoutMs`:
 * a socket that stops moving otherwise hangs forever.
 */
export class StallWatchdog {
  readonly #controller = new AbortController();
  #timer: ReturnType<typeof setTimeout> | undefined;

  readonly #timeoutMs: number;
  readonly #what: string;

  constructor(timeoutMs: number, what: string) {
    this.#timeoutMs = timeoutMs;
    this.#what = what;
    this.touch();
  }

  /** Aborted when the request stalls. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Progress happened: the countdown starts again. */
  touch(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#controller.abort(
        new FerryError(ErrorCode.Stalled, `${this.#what} stalled for ${this.#timeoutMs} ms.`),
      );
    }, this.#timeoutMs);
  }

  /** The request ended: no more countdown. */
  stop(): void {
    clearTimeout(this.#timer);
  }
}
