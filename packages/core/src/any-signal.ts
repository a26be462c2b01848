/** A signal that aborts when any of its inputs does, and how to let go of the inputs. */
export interface CombinedSignal {
  readonly signal: AbortSignal;
  /** Detaches from the inputs (call it once the request it guarded has settled). */
  readonly dispose: () => void;
}

/**
 * A signal that aborts, with the same reason, as soon as any of `signals` does.
 * `AbortSignal.any` where the browser has it; a small equivalent where it does not (Safari before
 * 17.4, Firefox before 124, Chrome before 116, all inside Ferry's support matrix).
 * @example
 * ```ts
 * const { signal, dispose } = anySignal([userSignal, watchdog.signal]);
 * try { await send({ signal }); } finally { dispose(); }
 * ```
 */
export function anySignal(signals: readonly AbortSignal[]): CombinedSignal {
  if (typeof AbortSignal.any === 'function')
    return { signal: AbortSignal.any(signals as AbortSignal[]), dispose: () => undefined };
  return combineSignals(signals);
}

/** The fallback of {@link anySignal}, exported so that engines which have `AbortSignal.any` test it too. */
export function combineSignals(signals: readonly AbortSignal[]): CombinedSignal {
  const controller = new AbortController();
  // Listeners go when the combined signal aborts or is disposed: long-lived inputs (the
  // connection's signal) would otherwise gather one per request.
  const detach = new AbortController();
  const aborted = signals.find((signal) => signal.aborted);
  if (aborted) {
    controller.abort(aborted.reason);
  } else {
    for (const signal of signals) {
      signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true, signal: detach.signal });
    }
    controller.signal.addEventListener('abort', () => detach.abort(), { once: true });
  }
  return { signal: controller.signal, dispose: () => detach.abort() };
}
