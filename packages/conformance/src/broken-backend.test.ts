import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startUncheckedDeleteBackend,
  startUnsignedLengthBackend,
  startUploadByIdBackend,
} from './test-support/broken-backends.js';
import { runKit, startConformanceStore, type ConformanceStore } from './test-support/conformance-store.js';
import type { RunningBackend } from './test-support/ferry-server-backend.js';

let store: ConformanceStore;

beforeAll(async () => {
  store = await startConformanceStore();
});

afterAll(async () => {
  await store.close();
});

/** The ids of the table's FAIL rows, and the reason printed under each. */
function failedRows(printed: string): Map<string, string> {
  const rows = new Map<string, string>();
  const lines = printed.split('\n');
  lines.forEach((line, index) => {
    const failed = /^FAIL +(\S+)/.exec(line);
    if (failed) rows.set(failed[1]!, /^\s+why: (.*)$/.exec(lines[index + 1] ?? '')?.[1] ?? '');
  });
  return rows;
}

async function runAgainst(start: (store: ConformanceStore['store']) => Promise<RunningBackend>) {
  const backend = await start(store.store);
  try {
    const run = await runKit(['--backend', backend.url, ...store.kitArgs]);
    console.log(run.printed);
    return { ...run, failed: failedRows(run.printed) };
  } finally {
    await backend.close();
  }
}

describe('ferry-conformance is not a rubber stamp', () => {
  it('fails a backend whose URLs do not sign Content-Length, naming exactly the four size rules', async () => {
    const { exitCode, printed, failed } = await runAgainst(startUnsignedLengthBackend);
    expect(exitCode).toBe(1);
    expect([...failed.keys()]).toEqual([
      'single-put/bigger-body',
      'single-put/smaller-body',
      'multipart/part-bigger-body',
      'multipart/part-smaller-body',
    ]);
    expect(failed.get('single-put/bigger-body')).toMatch(/^the store accepted a body of 102401 bytes \(HTTP 200\)/);
    expect(failed.get('multipart/part-smaller-body')).toMatch(
      /^the store accepted 5242879 bytes for part 1 of 5242880/,
    );
    expect(printed).toMatch(/\n(\d+) rules: \d+ passed, 4 failed, 3 not applicable$/);
  });

  it('fails a backend that serves an upload to anyone who names its id, naming exactly the token rules', async () => {
    const { exitCode, printed, failed } = await runAgainst(startUploadByIdBackend);
    expect(exitCode).toBe(1);
    expect([...failed.keys()]).toEqual(['token/missing', 'token/altered', 'token/other-upload', 'token/other-caller']);
    expect(failed.get('token/missing')).toMatch(
      /^sign-parts without a token: expected HTTP 403 token-invalid, got HTTP 200/,
    );
    expect(failed.get('token/other-caller')).toMatch(
      /^sign-parts from another caller: expected HTTP 403 token-invalid/,
    );
    expect(printed).toMatch(/\n(\d+) rules: \d+ passed, 4 failed, 3 not applicable$/);
  });

  it('fails a backend that deletes any key without checking the token, naming exactly the delete refusals', async () => {
    const { exitCode, printed, failed } = await runAgainst(startUncheckedDeleteBackend);
    expect(exitCode).toBe(1);
    expect([...failed.keys()]).toEqual([
      'delete/other-key',
      'delete/altered-token',
      'delete/other-caller',
      'delete/no-token',
    ]);
    expect(failed.get('delete/other-key')).toMatch(
      /^delete-object with another key's delete token: expected HTTP 403 token-invalid, got HTTP 200/,
    );
    expect(failed.get('delete/no-token')).toMatch(
      /^delete-object without a token: expected HTTP 403 delete-not-allowed, got HTTP 200/,
    );
    expect(printed).toMatch(/^PASS +delete\/own-token-single /m);
    expect(printed).toMatch(/\n(\d+) rules: \d+ passed, 4 failed, 3 not applicable$/);
  });
});
