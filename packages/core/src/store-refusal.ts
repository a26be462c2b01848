import { raceAbort } from './abortable.js';
import { ErrorCode, FerryError } from './errors/ferry-error.js';

/** Failures in a row, none of which sent a byte, after which the endpoint is probed. */
const REFUSALS = 4;
/** How long the endpoint has to answer the probe; a silent one counts as unreachable. */
const PROBE_TIMEOUT_MS = 10_000;

/** The bits of `window`/`WorkerGlobalScope` this reads; absent on Node. */
interface PageScope {
  readonly navigator?: { readonly onLine?: boolean };
  readonly location?: { readonly origin?: string };
}

/**
 * Tells "offline" from "the store refuses this page". A browser reports a CORS refusal as a
 * plain network error, so without this a bucket whose CORS rule leaves the page out looks like
 * an outage, and uploads wait for a connection that is already there. When {@link REFUSALS}
 * PUTs in a row fail before sending a byte while the runtime says it is online and the signing
 * endpoint answers a probe, the store is refusing us. Shared by the files of one `Uploader`.
 * Only a transport that reports progress can say that nothing was sent, so only its failures count.
 */
export class StoreRefusal {
  #streak = 0;
  #probing: Promise<boolean> | undefined;

  readonly #probe: ((signal: AbortSignal) => Promise<void>) | undefined;
  readonly #scope: PageScope;

  /**
   * @param probe resolves when the signing endpoint answers anything; without one (an endpoint
   * of plain functions that has none) a refusal cannot be told from an outage, and is not.
   */
  constructor(probe: ((signal: AbortSignal) => Promise<void>) | undefined, scope: PageScope = globalThis) {
    this.#probe = probe;
    this.#scope = scope;
  }

  /** The store answered (with any status), or took bytes: it is reachable, and the page allowed. */
  answered(): void {
    this.#streak = 0;
  }

  /**
   * A PUT failed at the network level before sending a byte. Resolves a `cors` error when the
   * store is refusing us, else `undefined` (treat it as the network failure it looks like).
   */
  async failedBeforeAnyByte(signal: AbortSignal): Promise<FerryError | undefined> {
    this.#streak++;
    // CORS exists only in browsers (windows and workers have a location; Node has none).
    const origin = this.#scope.location?.origin;
    if (this.#streak < REFUSALS || !this.#probe || !origin || this.#scope.navigator?.onLine === false) return undefined;
    // One probe at a time, shared by the parts that fail together; each waits only as long as
    // its own upload runs.
    this.#probing ??= this.#runProbe(this.#probe);
    const endpointAnswers = await raceAbort(this.#probing, signal).catch(() => false);
    if (!endpointAnswers) return undefined;
    // The text loads only now; should it fail to, the failure is taken for the outage it looks like.
    const diagnosis = await import('./diagnostics/cors-message.js').catch(() => undefined);
    return diagnosis && new FerryError(ErrorCode.Cors, diagnosis.corsRefusalMessage(origin, this.#streak));
  }

  async #runProbe(probe: (signal: AbortSignal) => Promise<void>): Promise<boolean> {
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(), PROBE_TIMEOUT_MS);
    try {
      await raceAbort(probe(timer.signal), timer.signal);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timeout);
      this.#probing = undefined;
    }
  }
}
