import { describe, it } from 'vitest';
import { expectEveryRulePassed } from './test-support/conformance-store.js';
import { startFerryBackend } from './test-support/ferry-server-backend.js';
import { useConformanceBackend } from './test-support/use-conformance-backend.js';

const target = useConformanceBackend((store) => startFerryBackend(store));

describe('ferry-conformance against @ferry/server and the local store', () => {
  it('passes every rule, and prints one PASS row per rule', async () => {
    await expectEveryRulePassed(target.backend.url, target.store, [
      'delete/own-token-multipart',
      'delete/no-token',
      'metadata/stored-single',
      'shape/delete-object',
    ]);
  });
});
