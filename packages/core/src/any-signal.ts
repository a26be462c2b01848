/**
 * A signal that aborts, with the same reason, as soon as any of `signals` does.
 * `AbortSignal.any` where the browser has it; a small equivalent where it does not (Safari before
 * 17.4, Firefox before 124, Chrome before 116, all inside Ferry's support matrix).
 * @example
 * ```ts
 * const signal = anySignal([userSignal, watchdog.signal]);
 * ```
 */
export function anySignal(signals: readonly AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals as AbortSignal[]);
  return combineSignals(signals);
}

/** The fallback of {@link anySignal}, exported so that engines which have `AbortSignal.any` test it too. */
export function combineSignals(signals: readonly AbortSignal[]): AbortSignal {
  const controller = new AbortController();
  const aborted = signals.find((signal) => signal.aborted);
  if (aborted) {
    controller.abort(aborted.reason);
    return controller.signal;
  }
  for (const signal of signals) {
    // Each listener goes away with the combined signal, so a long-lived input does not keep it alive.
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true, signal: controller.signal });
  }
  return controller.signal;
}
