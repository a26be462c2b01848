import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  expectEveryRulePassed,
  startConformanceStore,
  type ConformanceStore,
} from './test-support/conformance-store.js';
import { startFerryBackend, type RunningBackend } from './test-support/ferry-server-backend.js';

let store: ConformanceStore;
let backend: RunningBackend;

beforeAll(async () => {
  store = await startConformanceStore();
  backend = await startFerryBackend(store.store);
});

afterAll(async () => {
  await backend.close();
  await store.close();
});

describe('ferry-conformance against @ferry/server and the local store', () => {
  it('passes every rule, and prints one PASS row per rule', async () => {
    await expectEveryRulePassed(backend.url, store, [
      'delete/own-token-multipart',
      'delete/no-token',
      'metadata/stored-single',
      'shape/delete-object',
    ]);
  });
});
