/**
 * Work a listener of a cancelable `ferry-before-*` event asks the element to wait for, so it may
 * decide asynchronously: the element reads `preventDefault()` and the `detail` once every
 * promise given to `waitUntil()` has settled (a rejected one refuses the file).
 */
export class PendingWork {
  readonly #promises: Promise<unknown>[] = [];

  /** Delays the element's decision until `promise` settles. Call it while the event is dispatched. */
  readonly waitUntil = (promise: Promise<unknown>): void => {
    this.#promises.push(promise);
  };

  /** Settles when every promise given settled; `undefined` when there were none (decide at once). */
  settled(): Promise<void> | undefined {
    return this.#promises.length === 0 ? undefined : Promise.all(this.#promises).then(() => undefined);
  }
}
