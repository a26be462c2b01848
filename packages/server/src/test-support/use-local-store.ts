import { S3Client } from '@aws-sdk/client-s3';
import { startLocalStore, type LocalStore } from '@ferry/local-store';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** The signature-checking local store a test file runs against, and what reaches it. */
export interface LocalStoreUnderTest {
  readonly store: LocalStore;
  /** The store's bucket, region, endpoint and credentials: the options of `createS3Provider`. */
  readonly s3: Pick<LocalStore, 'bucket' | 'region' | 'endpoint' | 'credentials'>;
  /** An S3 client on the store, to check what the handler stored. */
  readonly client: S3Client;
}

/**
 * Starts the local store in a fresh temporary folder (its name starting `directoryPrefix`) before
 * the file's tests, and after them stops it and removes the folder.
 *
 * Call it at a file's top level or in a `describe`; read the fields inside hooks and tests, where
 * a `beforeAll` declared after it may build the handler under test from `s3`.
 *
 * @example
 * const local = useLocalStore('ferry-server-');
 * beforeAll(() => {
 *   handler = createFerryHandler({ provider: createS3Provider(local.s3), secret });
 * });
 */
export function useLocalStore(directoryPrefix: string): LocalStoreUnderTest {
  let directory: string | undefined;
  const started: { -readonly [Field in keyof LocalStoreUnderTest]?: LocalStoreUnderTest[Field] } = {};

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), directoryPrefix));
    const store = await startLocalStore({ directory });
    started.store = store;
    started.s3 = {
      bucket: store.bucket,
      region: store.region,
      endpoint: store.endpoint,
      credentials: store.credentials,
    };
    started.client = new S3Client({ ...started.s3, forcePathStyle: true });
  });

  afterAll(async () => {
    started.client?.destroy();
    await started.store?.close();
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
  });

  // Complete once beforeAll has run, which is before any hook declared after it and any test.
  return started as LocalStoreUnderTest;
}
