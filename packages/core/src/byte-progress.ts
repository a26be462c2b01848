/**
 * The bytes the store acknowledged for one file, per request (a part, or the single PUT). A
 * request sent again counts only past what it reached; after a restart on the store every part
 * counts from zero again, while `bytesSent` (what the page shows) never falls.
 */
export class ByteProgress {
  #slots: number[] = [];
  #acked = 0;
  #bytesSent = 0;
  #transferred = 0;

  /** The most bytes ever acknowledged at once: never falls. */
  get bytesSent(): number {
    return this.#bytesSent;
  }

  /** Bytes acknowledged for the current upload on the store: what is left is `size - acked`. */
  get acked(): number {
    return this.#acked;
  }

  /** Every byte acknowledged, those sent again included: what the speed is measured on. */
  get transferred(): number {
    return this.#transferred;
  }

  /** Request `index` has `sent` bytes acknowledged; `true` when that is more than before. */
  record(index: number, sent: number): boolean {
    const before = this.#slots[index] ?? 0;
    if (sent <= before) return false;
    this.#slots[index] = sent;
    this.#acked += sent - before;
    this.#transferred += sent - before;
    this.#bytesSent = Math.max(this.#bytesSent, this.#acked);
    return true;
  }

  /** The upload starts over on the store: every request counts from zero again. */
  restart(): void {
    this.#slots = [];
    this.#acked = 0;
  }
}
