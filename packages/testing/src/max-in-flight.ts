import type { LocalStore } from '@ferry/local-store';

/**
 * Watches the store and records the most part uploads (`PUT …?partNumber=…`) it was serving at
 * once: proof, from the store's side, that parts really went up in parallel.
 */
export function watchPartConcurrency(store: LocalStore): {
  readonly peak: number;
  readonly parts: number;
  stop(): void;
} {
  let current = 0;
  let peak = 0;
  let parts = 0;
  const stop = store.onRequest((request) => {
    if (request.method !== 'PUT' || !/[?&]partNumber=/.test(request.url)) return;
    parts++;
    peak = Math.max(peak, ++current);
    void request.finished.then(() => current--);
  });
  return {
    get peak() {
      return peak;
    },
    get parts() {
      return parts;
    },
    stop,
  };
}
