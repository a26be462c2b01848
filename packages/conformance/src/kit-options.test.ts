import { describe, expect, it } from 'vitest';
import { isKitUsageError, KitUsageError, parseKitArgs } from './kit-options.js';
import { runKit } from './test-support/conformance-store.js';

const required = ['--backend', 'http://127.0.0.1:8080/api/uploads/', '--bucket', 'uploads'];

describe('the command line', () => {
  it('defaults to S3: its smallest part, pages of 1,000 parts, AWS when no store endpoint is given', () => {
    expect(parseKitArgs(required)).toEqual({
      backend: 'http://127.0.0.1:8080/api/uploads',
      store: { bucket: 'uploads', region: 'us-east-1', forcePathStyle: false },
      profile: 's3',
      partSize: 5 * 1024 * 1024,
      partsPageSize: 1000,
      headers: {},
    });
  });

  it('reads a custom store, the OSS profile, two callers and a metadata name', () => {
    const options = parseKitArgs([
      ...required,
      '--store-endpoint',
      'http://127.0.0.1:9000',
      '--access-key-id',
      'id',
      '--secret-access-key',
      'secret',
      '--profile',
      'oss',
      '--header',
      'Authorization: Bearer a:b',
      '--other-caller-header',
      'Authorization: Bearer c',
      '--metadata-name',
      'album',
    ]);
    expect(options).toMatchObject({
      store: { endpoint: 'http://127.0.0.1:9000', forcePathStyle: true, credentials: { accessKeyId: 'id' } },
      profile: 'oss',
      partSize: 100 * 1024,
      headers: { Authorization: 'Bearer a:b' },
      otherCallerHeaders: { Authorization: 'Bearer c' },
      metadataName: 'album',
    });
  });

  it('refuses what it cannot run with, with the usage code', () => {
    const cases: [string[], RegExp][] = [
      [['--bucket', 'b'], /--backend <url> is required/],
      [['--backend', 'http://x'], /--bucket <name> is required/],
      [[...required, '--profile', 'gdrive'], /--profile must be one of s3, oss, r2, minio, gcs/],
      [[...required, '--part-size', '1024'], /--part-size must be a whole number of at least 5242880/],
      [[...required, '--header', 'no colon'], /--header must look like "Name: value"/],
      [[...required, '--access-key-id', 'id'], /both --access-key-id and --secret-access-key/],
      [['--backend', 'ftp://x', '--bucket', 'b'], /--backend must be an http\(s\) URL/],
      [[...required, '--unknown'], /Unknown option '--unknown'/],
      [[...required, '--metadata-name', 'my album'], /--metadata-name must be a header name/],
    ];
    for (const [argv, message] of cases) {
      let thrown: unknown;
      try {
        parseKitArgs(argv);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, argv.join(' ')).toBeInstanceOf(KitUsageError);
      expect(isKitUsageError(thrown) && thrown.code).toBe('usage');
      expect((thrown as Error).message).toMatch(message);
    }
  });

  it('exits 2 with the usage on a bad command line, and 0 for --help', async () => {
    const bad = await runKit(['--bucket', 'b']);
    expect(bad.exitCode).toBe(2);
    expect(bad.printed).toContain('ferry-conformance: --backend <url> is required.');
    expect(bad.printed).toContain('Usage: ferry-conformance');
    expect(await runKit(['--help'])).toEqual({ exitCode: 0, printed: expect.stringMatching(/^Usage: /) as string });
  });

  it('fails every rule, with the reason, when nothing answers at the backend', async () => {
    const { exitCode, printed } = await runKit([
      '--backend',
      'http://127.0.0.1:9/api/uploads',
      '--bucket',
      'b',
      '--store-endpoint',
      'http://127.0.0.1:9',
      '--access-key-id',
      'a',
      '--secret-access-key',
      'b',
    ]);
    expect(exitCode).toBe(1);
    // Only the rules that need a flag it did not get (--metadata-name) are n/a; an unreachable
    // delete route is a failure, not a backend without deletes.
    const [, total, failed, notApplicable] =
      /\n(\d+) rules: 0 passed, (\d+) failed, (\d+) not applicable$/.exec(printed) ?? [];
    expect(Number(failed) + Number(notApplicable)).toBe(Number(total));
    expect(notApplicable).toBe('3');
    expect(printed).toMatch(/^FAIL +delete\/no-token /m);
    expect(printed).toContain('why: the check could not run: TypeError: fetch failed');
  });
});
