import { UNSTOPPABLE } from './abortable.js';
import { anySignal } from './any-signal.js';
import { isEndpointError } from './errors/endpoint-error.js';
import { ErrorCode, FerryError, isFerryError } from './errors/ferry-error.js';
import { planParts, type PartPlan, type PlannedPart } from './part-plan.js';
import { PartUrls } from './part-urls.js';
import { RequestPool } from './request-pool.js';
import type { MultipartHandle } from './ports/endpoint.js';
import type { WireErrorCode } from './protocol/wire-errors.js';
import type { RunResult, RunServices } from './upload-run.js';

/** The endpoint's code for an upload the store no longer knows (a typed literal: the table stays out of the bundle). */
const NOT_FOUND: WireErrorCode = 'not-found';

/**
 * One file's multipart upload: plan → find it again (resume store) or create it → sign parts in
 * batches → PUT the parts not yet stored → complete. Kept across runs, so pause, retry and
 * resume send only what the store does not hold.
 */
export class MultipartRun {
  #plan: PartPlan | undefined;
  /** The ETag of each part the store holds, by index. */
  #etags: (string | undefined)[] = [];
  #partsDone = 0;
  #handle: MultipartHandle | undefined;
  #creating: Promise<MultipartHandle> | undefined;
  #urls: PartUrls | undefined;

  /** The multipart upload on the store, once it exists (what cancel must abort). */
  get handle(): MultipartHandle | undefined {
    return this.#handle;
  }

  /** Parts in all, once planned. */
  get partCount(): number | undefined {
    return this.#plan?.parts.length;
  }

  /** Parts the store holds. */
  get partsDone(): number {
    return this.#partsDone;
  }

  /** The store was told to abort the upload: nothing is left there to abort again. */
  aborted(): void {
    this.#handle = undefined;
    this.#urls = undefined;
  }

  /** Forgets the upload on the store and the parts it held; the next run creates a new one. */
  forget(): void {
    this.aborted();
    this.#partsDone = 0;
    this.#etags.fill(undefined);
  }

  /** Runs the upload; when the store lost it, starts it once more (or fails, by option). */
  async run(run: RunServices, signal: AbortSignal): Promise<RunResult> {
    for (let restarts = 0; ; restarts++) {
      try {
        return await this.#attempt(run, signal);
      } catch (error) {
        // Lost only once it existed: a 404 to create itself (a wrong endpoint path) is not a lost upload.
        if (signal.aborted || !isUploadLost(error) || !this.#handle) throw error;
        if (run.options.onUploadLost === 'fail' || restarts >= 1) {
          throw isFerryError(error) && error.code === ErrorCode.UploadLost
            ? error
            : new FerryError(ErrorCode.UploadLost, `The store no longer knows the upload of ${run.source.name}.`, {
                cause: error,
              });
        }
        run.forgetUpload();
        run.apply('restart');
      }
    }
  }

  async #attempt(run: RunServices, signal: AbortSignal): Promise<RunResult> {
    const { endpoint, partSize, limits, signBatchSize, resumeStore } = run.options;
    const plan = (this.#plan ??= planParts(run.source.size, partSize, limits));
    if (this.#etags.length !== plan.parts.length) this.#etags = plan.parts.map(() => undefined);
    if (!this.#handle && resumeStore) {
      const point = await resumeStore
        .restore(run.source, plan, (handle) => run.call((options) => endpoint.listParts(handle, options), signal))
        .catch(() => undefined);
      // Reading the resume store does not stop for pause or cancel: check before going on.
      signal.throwIfAborted();
      if (point) {
        this.#handle = point.handle;
        run.keyChosen(point.handle.key);
        for (const part of point.stored) this.#stored(run, part.partNumber - 1, part.etag, part.size);
      }
    }
    if (!this.#handle) {
      // Not aborted by pause or cancel: a created upload must be known, or it could never be aborted.
      this.#creating ??= run.call(
        (options) => endpoint.createMultipart({ ...run.descriptor(), partSize: plan.partSize }, options),
        UNSTOPPABLE,
      );
      try {
        this.#handle = await this.#creating;
      } finally {
        this.#creating = undefined;
      }
      run.keyChosen(this.#handle.key);
      await resumeStore?.save(run.source, this.#handle, plan).catch(() => undefined);
      signal.throwIfAborted();
    }
    const handle = this.#handle;
    const bytes = (n: number): Blob => run.source.slice(plan.parts[n - 1]!.start, plan.parts[n - 1]!.end);
    this.#urls ??= new PartUrls({
      endpoint,
      handle: { ...handle, bytes },
      batchSize: signBatchSize,
      refillAhead: run.options.concurrency,
      partCount: plan.parts.length,
      isDone: (n) => this.#etags[n - 1] !== undefined,
      call: (task, taskSignal) => run.call(task, taskSignal),
    });
    signal.throwIfAborted();
    run.apply('ready');
    // A part that fails for good stops new parts from starting, but those in flight finish:
    // what they store is not sent again when the user retries.
    const failure = new AbortController();
    // At most `concurrency` parts of this file are between signing and sending at once, so URLs
    // are signed just in time (not the whole file up front) while none holds a store slot to sign.
    const lane = new RequestPool(run.options.concurrency);
    const noNewParts = anySignal([signal, failure.signal]);
    let firstFailure: { error: unknown } | undefined;
    const pending = plan.parts.filter((part) => this.#etags[part.number - 1] === undefined);
    await Promise.all(
      pending.map((part) =>
        this.#uploadPart(run, part, lane, signal, noNewParts.signal).catch((error: unknown) => {
          if (firstFailure) return;
          firstFailure = { error };
          failure.abort(error);
        }),
      ),
    ).finally(noNewParts.dispose);
    if (firstFailure) throw firstFailure.error;
    signal.throwIfAborted();
    run.apply('parts-stored');
    const parts = this.#etags.map((etag, index) => ({ partNumber: index + 1, etag: etag! }));
    try {
      const result = await run.call(
        (options) => endpoint.completeMultipart({ ...handle, parts, bytes }, options),
        signal,
      );
      return { location: result.location, callback: result.callback };
    } catch (error) {
      // The store completed the object, but its checksum differs (or could not be checked): the
      // multipart upload no longer exists, so a retry starts a new one and sends every part.
      if (isFerryError(error) && (error.code === ErrorCode.Integrity || error.code === ErrorCode.IntegrityUnverifiable))
        run.forgetUpload();
      throw error;
    }
  }

  /** Uploads one part with retries; `noNewAttempts` stops it from starting (again) but not mid-request. */
  async #uploadPart(
    run: RunServices,
    part: PlannedPart,
    lane: RequestPool,
    signal: AbortSignal,
    noNewAttempts: AbortSignal,
  ): Promise<void> {
    const urls = this.#urls!;
    const n = part.number;
    const size = part.end - part.start;
    const release = await lane.acquire(noNewAttempts);
    let etag: string | null | undefined;
    try {
      ({ etag } = await run.put({
        index: n - 1,
        body: run.source.slice(part.start, part.end),
        signal,
        noNewAttempts,
        signed: () => urls.get(n, noNewAttempts),
        expired: () => urls.invalidate(n),
        partNumber: n,
      }));
    } finally {
      release();
    }
    if (!etag) {
      throw new FerryError(
        ErrorCode.EtagMissing,
        `Part ${n} was stored but its ETag is hidden: the bucket's CORS rule must expose it (ExposeHeader ETag).`,
      );
    }
    this.#stored(run, n - 1, etag, size);
    run.partSent(size);
  }

  /** Part `index` is stored with `etag`. */
  #stored(run: RunServices, index: number, etag: string, size: number): void {
    // Counted first, so the progress event this triggers already counts the part as done.
    if (this.#etags[index] === undefined) this.#partsDone++;
    this.#etags[index] = etag;
    run.progressed(index, size, true);
  }
}

/** Whether `error` says the store no longer knows the multipart upload. */
function isUploadLost(error: unknown): boolean {
  return (
    (isFerryError(error) && error.code === ErrorCode.UploadLost) ||
    (isEndpointError(error) && error.status === 404 && error.serverCode === NOT_FOUND)
  );
}
