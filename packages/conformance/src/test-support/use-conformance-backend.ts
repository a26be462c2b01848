import type { LocalStore } from '@ferry/local-store';
import { afterAll, beforeAll } from 'vitest';
import { startConformanceStore, type ConformanceStore } from './conformance-store.js';
import type { RunningBackend } from './ferry-server-backend.js';

/** What a test file runs the kit against: a fresh conformance store and a backend signing for it. */
export interface ConformanceTarget {
  readonly store: ConformanceStore;
  readonly backend: RunningBackend;
}

/**
 * Starts a fresh conformance store and the backend `start` makes for it before the file's tests,
 * and stops both after them (what started, should starting fail half-way).
 *
 * @example
 * const target = useConformanceBackend((store) => startFerryBackend(store));
 * it('passes', () => expectEveryRulePassed(target.backend.url, target.store, []));
 */
export function useConformanceBackend(start: (store: LocalStore) => Promise<RunningBackend>): ConformanceTarget {
  let store: ConformanceStore | undefined;
  let backend: RunningBackend | undefined;

  beforeAll(async () => {
    store = await startConformanceStore();
    backend = await start(store.store);
  });

  afterAll(async () => {
    await backend?.close();
    await store?.close();
  });

  /** A value once `beforeAll` has run, so that a misplaced read fails with a clear message. */
  const started = <T>(value: T | undefined): T => {
    if (value === undefined)
      throw new Error('useConformanceBackend: the backend starts in beforeAll; read it in a test');
    return value;
  };
  return {
    get store() {
      return started(store);
    },
    get backend() {
      return started(backend);
    },
  };
}
