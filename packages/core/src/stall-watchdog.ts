import { ErrorCode, FerryError } from './errors/ferry-error.js';

/**
 * Aborts its `signal` with a `stalled` error when `touch()` has not been called for `timeoutMs`:
 * a socket that stops moving otherwise hangs forever.
 *
 * `touch()` only counts: WebKit fires an upload progress event every 8 KiB (65,000 for 512 MiB),
 * and re-arming a timer on each one cost more main-thread time than the upload itself. A coarse
 * timer looks at the count four times per timeout (at most once a second, at least every 25 ms)
 * instead, so a stall is seen after `timeoutMs` plus at most one such look.
 */
export class StallWatchdog {
  readonly #controller = new AbortController();
  readonly #timer: ReturnType<typeof setInterval>;
  #touches = 0;
  #seenTouches = 0;
  #quietSince: number;

  constructor(timeoutMs: number, what: string, now: () => number = () => performance.now()) {
    this.#quietSince = now();
    const every = Math.max(25, Math.min(1000, timeoutMs / 4));
    this.#timer = setInterval(() => {
      if (this.#touches !== this.#seenTouches) {
        this.#seenTouches = this.#touches;
        this.#quietSince = now();
      } else if (now() - this.#quietSince >= timeoutMs) {
        this.stop();
        this.#controller.abort(new FerryError(ErrorCode.Stalled, `${what} stalled for ${timeoutMs} ms.`));
      }
    }, every);
  }

  /** Aborted when the request stalls. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Progress happened. O(1) and timer-free: called on every progress event. */
  touch(): void {
    this.#touches++;
  }

  /** The request ended: no more watching. */
  stop(): void {
    clearInterval(this.#timer);
  }
}
