import { describe, it } from 'vitest';
import { expectEveryRulePassed } from './test-support/conformance-store.js';
import { startPythonBackend } from './test-support/python-backend.js';
import { useConformanceBackend } from './test-support/use-conformance-backend.js';

const target = useConformanceBackend((store) => startPythonBackend(store));

describe('ferry-conformance against the Python example (boto3) and the local store', () => {
  it('passes every rule', async () => {
    await expectEveryRulePassed(target.backend.url, target.store, [
      'delete/own-token-single',
      'delete/other-caller',
      'metadata/name-refused',
      'shape/delete-object',
    ]);
  });
});
