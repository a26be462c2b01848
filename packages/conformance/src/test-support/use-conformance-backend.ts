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
  const started: { -readonly [Field in keyof ConformanceTarget]?: ConformanceTarget[Field] } = {};

  beforeAll(async () => {
    started.store = await startConformanceStore();
    started.backend = await start(started.store.store);
  });

  afterAll(async () => {
    await started.backend?.close();
    await started.store?.close();
  });

  // Complete once beforeAll has run, which is before any test reads it.
  return started as ConformanceTarget;
}
