import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  expectEveryRulePassed,
  startConformanceStore,
  type ConformanceStore,
} from './test-support/conformance-store.js';
import type { RunningBackend } from './test-support/ferry-server-backend.js';
import { startPythonBackend } from './test-support/python-backend.js';

let store: ConformanceStore;
let backend: RunningBackend;

beforeAll(async () => {
  store = await startConformanceStore();
  backend = await startPythonBackend(store.store);
});

afterAll(async () => {
  await backend.close();
  await store.close();
});

describe('ferry-conformance against the Python example (boto3) and the local store', () => {
  it('passes every rule', async () => {
    await expectEveryRulePassed(backend.url, store, [
      'delete/own-token-single',
      'delete/other-caller',
      'metadata/name-refused',
      'shape/delete-object',
    ]);
  });
});
