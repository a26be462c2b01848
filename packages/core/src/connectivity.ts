import { abortable } from './abortable.js';
import { ErrorCode, FerryError } from './errors/ferry-error.js';

/** The bits of `window`/`WorkerGlobalScope` this needs; absent on Node, where it is always online. */
interface OnlineEvents {
  readonly navigator?: { readonly onLine?: boolean };
  addEventListener?(type: 'online' | 'offline', listener: () => void): void;
}

/** Consecutive network failures after which the link counts as down though the runtime says online. */
const FAILURES = 3;

/**
 * Knows whether the runtime is online (`navigator.onLine` and the `online`/`offline` events of
 * windows and workers, or {@link FAILURES} network failures in a row, after which it tries again
 * after 1, 2, 4… up to 30 s). Requests wait for it before they start, and those in flight are
 * stopped the moment the connection goes, so an outage costs no retries and sends nothing.
 */
export class Connectivity {
  #offline = new AbortController();
  #waiters: (() => void)[] = [];
  #failures = 0;

  constructor(scope: OnlineEvents = globalThis) {
    if (scope.navigator?.onLine === false) this.#goOffline();
    scope.addEventListener?.('offline', () => this.#goOffline());
    scope.addEventListener?.('online', () => this.#goOnline());
  }

  /** Whether the runtime says it is offline. */
  get offline(): boolean {
    return this.#offline.signal.aborted;
  }

  /** Aborted (with a `network` error) when the connection goes; a fresh one after it comes back. */
  get signal(): AbortSignal {
    return this.#offline.signal;
  }

  /** Resolves at once when online, else when the connection comes back (or rejects when `signal` aborts). */
  async waitOnline(signal: AbortSignal): Promise<void> {
    if (!this.offline) return;
    await abortable(signal, (resolve) => {
      this.#waiters.push(resolve);
      return () => (this.#waiters = this.#waiters.filter((waiter) => waiter !== resolve));
    });
  }

  /** A request to the network succeeded (`true`) or failed at the network level (`false`). */
  report(ok: boolean): void {
    if (ok) {
      this.#failures = 0;
    } else if (++this.#failures >= FAILURES && !this.offline) {
      this.#goOffline();
      setTimeout(() => this.#goOnline(), Math.min(30_000, 1000 * 2 ** (this.#failures - FAILURES)));
    }
  }

  #goOffline(): void {
    if (!this.offline) this.#offline.abort(new FerryError(ErrorCode.Network, 'Offline: waiting for the connection.'));
  }

  #goOnline(): void {
    if (!this.offline) return;
    this.#offline = new AbortController();
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiters) waiter();
  }
}
