/**
 * A promise that `arm` settles by calling `resolve`, or that rejects with the signal's reason
 * if it aborts first, after undoing `arm` with the function it returned.
 */
export function abortable(signal: AbortSignal | undefined, arm: (resolve: () => void) => () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      disarm();
      reject(signal?.reason);
    };
    const disarm = arm(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * `promise`, or a rejection with the signal's reason as soon as `signal` aborts, whichever comes
 * first: a request whose engine is slow to honour its own signal cannot hang its caller.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  let disarm = (): void => undefined;
  const aborted = new Promise<never>((_, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    disarm = () => signal.removeEventListener('abort', onAbort);
  });
  return Promise.race([promise, aborted]).finally(disarm);
}

/** For calls that neither pause nor cancel may stop (creating and aborting a multipart upload). */
export const UNSTOPPABLE: AbortSignal = new AbortController().signal;
