import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  METADATA_NAME,
  runKit,
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
    const { exitCode, printed } = await runKit([
      '--backend',
      backend.url,
      ...store.kitArgs,
      '--metadata-name',
      METADATA_NAME,
    ]);
    console.log(printed);
    expect(printed).not.toMatch(/^(FAIL|n\/a) /m);
    expect(printed).toMatch(/\n(\d+) rules: \1 passed, 0 failed$/);
    for (const rule of [
      'delete/own-token-single',
      'delete/other-caller',
      'metadata/name-refused',
      'shape/delete-object',
    ]) {
      expect(printed).toMatch(new RegExp(`^PASS +${rule} `, 'm'));
    }
    expect(exitCode).toBe(0);
  });
});
