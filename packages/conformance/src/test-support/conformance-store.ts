import { expect } from 'vitest';
import { startLocalStore, type LocalStore } from '@ferry/local-store';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Parts in one ListParts page of the tests' store: the paging rule then needs 3 parts, not 1,001. */
export const PARTS_PAGE_SIZE = 2;

/** The user metadata name the tests' backends store (the kit's `--metadata-name`). */
export const METADATA_NAME = 'album';

/** The header the tests' backends name their caller by (standing in for a session). */
export const CALLER_HEADER = 'X-Demo-User';

/** The embedded store for a kit run, and the kit's command-line flags for it. */
export interface ConformanceStore {
  readonly store: LocalStore;
  /** `--store-endpoint … --bucket … --access-key-id … --secret-access-key … --parts-page-size 2` and two callers. */
  readonly kitArgs: string[];
  close(): Promise<void>;
}

/** Starts the signature-checking local store with small ListParts pages, in a fresh folder. */
export async function startConformanceStore(): Promise<ConformanceStore> {
  const directory = await mkdtemp(join(tmpdir(), 'ferry-conformance-'));
  const store = await startLocalStore({ directory, partsPageSize: PARTS_PAGE_SIZE });
  return {
    store,
    kitArgs: [
      '--store-endpoint',
      store.endpoint,
      '--bucket',
      store.bucket,
      '--region',
      store.region,
      '--access-key-id',
      store.credentials.accessKeyId,
      '--secret-access-key',
      store.credentials.secretAccessKey,
      '--parts-page-size',
      String(PARTS_PAGE_SIZE),
      '--header',
      `${CALLER_HEADER}: alice`,
      '--other-caller-header',
      `${CALLER_HEADER}: bob`,
    ],
    async close() {
      await store.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** Runs the kit's command in-process; its exit code and everything it printed. */
export async function runKit(argv: readonly string[]): Promise<{ exitCode: number; printed: string }> {
  const { runCli } = await import('../run-cli.js');
  const lines: string[] = [];
  const exitCode = await runCli(argv, { out: (text) => lines.push(text), error: (text) => lines.push(text) });
  return { exitCode, printed: lines.join('\n') };
}

/**
 * Runs the kit against `backendUrl` on `store` with the metadata rules on, prints its table, and
 * expects every rule to pass (none failed, none n/a), among them `named`, and exit code 0.
 */
export async function expectEveryRulePassed(
  backendUrl: string,
  store: ConformanceStore,
  named: readonly string[],
): Promise<void> {
  const { exitCode, printed } = await runKit([
    '--backend',
    backendUrl,
    ...store.kitArgs,
    '--metadata-name',
    METADATA_NAME,
  ]);
  console.log(printed);
  expect(printed).not.toMatch(/^(FAIL|n\/a) /m);
  expect(printed).toMatch(/\n(\d+) rules: \1 passed, 0 failed$/);
  for (const rule of named) expect(printed).toMatch(new RegExp(`^PASS +${rule} `, 'm'));
  expect(exitCode).toBe(0);
}
