import { abortable } from './abortable.js';

/**
 * Resolves after `ms`, or rejects with the signal's reason as soon as it aborts.
 * @example
 * ```ts
 * await delay(500, { signal });
 * ```
 */
export function delay(ms: number, { signal }: { signal?: AbortSignal } = {}): Promise<void> {
  return abortable(signal, (resolve) => {
    const timer = setTimeout(resolve, ms);
    return () => clearTimeout(timer);
  });
}
