import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  METADATA_NAME,
  runKit,
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
    const { exitCode, printed } = await runKit([
      '--backend',
      backend.url,
      ...store.kitArgs,
      '--metadata-name',
      METADATA_NAME,
    ]);
    console.log(printed);
    expect(printed).not.toMatch(/^(FAIL|n\/a) /m);
    expect(exitCode).toBe(0);
    expect(printed).toMatch(/\n(\d+) rules: \1 passed, 0 failed$/);
    for (const rule of [
      'delete/own-token-multipart',
      'delete/no-token',
      'metadata/stored-single',
      'shape/delete-object',
    ]) {
      expect(printed).toMatch(new RegExp(`^PASS +${rule} `, 'm'));
    }
  });
});
