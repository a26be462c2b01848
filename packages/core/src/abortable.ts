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
