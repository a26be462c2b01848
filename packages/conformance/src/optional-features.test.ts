// The delete route and stored metadata are optional for a backend: the kit prints their rules as
// n/a, not PASS, and does not fail the run.
import { describe, expect, it } from 'vitest';
import { runKit } from './test-support/conformance-store.js';
import { startFerryBackend, withoutDeleteRoute } from './test-support/ferry-server-backend.js';
import { useConformanceBackend } from './test-support/use-conformance-backend.js';

const target = useConformanceBackend((store) => startFerryBackend(store, { wrap: withoutDeleteRoute }));

describe('ferry-conformance and the optional features', () => {
  it('prints the delete rules as n/a (no delete route) for a backend that answers 404 for /objects, and passes', async () => {
    const { exitCode, printed } = await runKit(['--backend', target.backend.url, ...target.store.kitArgs]);
    console.log(printed);
    expect(exitCode).toBe(0);
    const notApplicable = [...printed.matchAll(/^n\/a +(\S+) .* — n\/a \((.+)\)$/gm)].map(([, id, why]) => [id, why]);
    expect(notApplicable).toEqual([
      ['metadata/name-refused', 'no --metadata-name: the backend declares no stored metadata'],
      ['metadata/stored-single', 'no --metadata-name: the backend declares no stored metadata'],
      ['metadata/stored-multipart', 'no --metadata-name: the backend declares no stored metadata'],
      ['delete/own-token-single', 'no delete route'],
      ['delete/own-token-multipart', 'no delete route'],
      ['delete/other-key', 'no delete route'],
      ['delete/altered-token', 'no delete route'],
      ['delete/other-caller', 'no delete route'],
      ['delete/no-token', 'no delete route'],
      ['shape/delete-object', 'no delete route'],
    ]);
    expect(printed).not.toMatch(/^FAIL /m);
    // Cache-Control and tags outside the policy are refused by every backend, declared or not.
    expect(printed).toMatch(/^PASS +metadata\/unlisted-refused /m);
    expect(printed).toMatch(/\n(\d+) rules: \d+ passed, 0 failed, 10 not applicable$/);
  });
});
