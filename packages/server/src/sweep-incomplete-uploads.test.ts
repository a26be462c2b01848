// sweepIncompleteUploads against the real local store, with more than 1,000 open uploads so that
// ListMultipartUploads pages (key and upload-id markers), and two sweeps at once.
import {
  AbortMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListMultipartUploadsCommand,
} from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalStore } from './test-support/use-local-store.js';
import { createS3Provider, sweepIncompleteUploads, type StorageProvider } from './index.js';

const local = useLocalStore('ferry-sweep-');
let provider: StorageProvider;
const calls: string[] = [];

beforeAll(() => {
  provider = createS3Provider(local.s3);
  local.store.onRequest((request) => calls.push(`${request.method} ${request.url}`));
});

/** Opens `count` multipart uploads for the keys `name(i)`, 16 at a time; their upload ids. */
async function open(count: number, name: (i: number) => string): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 16) {
    const batch = Array.from({ length: Math.min(16, count - start) }, (_, j) =>
      local.client.send(new CreateMultipartUploadCommand({ Bucket: local.store.bucket, Key: name(start + j) })),
    );
    for (const created of await Promise.all(batch)) ids.push(created.UploadId!);
  }
  return ids;
}

/** Every upload open under `prefix`, paged through with the SDK. */
async function listed(prefix: string, pageSize = 1000): Promise<{ key: string; uploadId: string }[]> {
  const all: { key: string; uploadId: string }[] = [];
  let KeyMarker: string | undefined;
  let UploadIdMarker: string | undefined;
  for (;;) {
    const page = await local.client.send(
      new ListMultipartUploadsCommand({
        Bucket: local.store.bucket,
        Prefix: prefix,
        MaxUploads: pageSize,
        ...(KeyMarker ? { KeyMarker, UploadIdMarker } : {}),
      }),
    );
    for (const upload of page.Uploads ?? []) all.push({ key: upload.Key!, uploadId: upload.UploadId! });
    if (!page.IsTruncated) return all;
    KeyMarker = page.NextKeyMarker;
    UploadIdMarker = page.NextUploadIdMarker;
  }
}

describe('the local store pages ListMultipartUploads', () => {
  it('lists each upload exactly once across pages, several uploads of one key split by a page boundary', async () => {
    const sameKey = await open(5, () => 'paging/same.bin');
    const others = await open(4, (i) => `paging/other-${i}.bin`);
    const pages = await listed('paging/', 2);
    expect(pages.map((upload) => upload.uploadId).sort()).toEqual([...sameKey, ...others].sort());
    // In key order, then upload id order within a key (what upload-id-marker compares).
    const sorted = [...pages].sort((a, b) =>
      a.key === b.key ? (a.uploadId < b.uploadId ? -1 : 1) : a.key < b.key ? -1 : 1,
    );
    expect(pages).toEqual(sorted);
    for (const upload of pages) {
      await local.client.send(
        new AbortMultipartUploadCommand({ Bucket: local.store.bucket, Key: upload.key, UploadId: upload.uploadId }),
      );
    }
    expect(await listed('paging/')).toEqual([]);
  });
});

describe('sweepIncompleteUploads', () => {
  it('aborts the 1,005 old uploads under the prefix across pages, and keeps the young ones and other prefixes', async () => {
    const old = await open(1005, (i) => `sweep/old-${String(i).padStart(4, '0')}.bin`);
    const outside = await open(2, (i) => `elsewhere/old-${i}.bin`);
    const between = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const young = await open(3, (i) => `sweep/young-${i}.bin`);
    const from = calls.length;

    // "Older than an hour", an hour after `between` (+ 500 ms): the 1,005 are, the 3 are not.
    const hour = 3600_000;
    const report = await sweepIncompleteUploads({
      provider,
      prefix: 'sweep/',
      olderThan: hour,
      now: between + 500 + hour,
    });
    expect(report.aborted.map((upload) => upload.uploadId).sort()).toEqual([...old].sort());
    expect(report.alreadyGone).toEqual([]);
    expect(report.failed).toEqual([]);
    expect(report.kept).toBe(3);
    expect(report.pages).toBe(2);
    // Two listings, the second from the markers of the first page's last upload.
    const lists = calls.slice(from).filter((call) => call.startsWith('GET') && call.includes('uploads'));
    expect(lists).toHaveLength(2);
    expect(lists[1]).toMatch(/key-marker=sweep%2Fold-0999\.bin/);
    expect(lists[1]).toMatch(/upload-id-marker=[0-9a-f]{32}/);

    expect((await listed('sweep/')).map((upload) => upload.uploadId).sort()).toEqual([...young].sort());
    expect((await listed('elsewhere/')).map((upload) => upload.uploadId).sort()).toEqual([...outside].sort());

    // Run again: nothing old is left to abort.
    const again = await sweepIncompleteUploads({
      provider,
      prefix: 'sweep/',
      olderThan: hour,
      now: between + 500 + hour,
    });
    expect(again).toMatchObject({ aborted: [], alreadyGone: [], failed: [], kept: 3, pages: 1 });
  }, 120_000);

  it('is safe on every instance at once: each upload is aborted once, the rest count as already gone', async () => {
    const ids = await open(40, (i) => `twice/${String(i).padStart(2, '0')}.bin`);
    const options = { provider, prefix: 'twice/', olderThan: 0, now: Date.now() + 1000, pageSize: 7 };
    const [a, b] = await Promise.all([sweepIncompleteUploads(options), sweepIncompleteUploads(options)]);
    const abortedIds = [...a.aborted, ...b.aborted].map((upload) => upload.uploadId);
    expect([...abortedIds].sort()).toEqual([...ids].sort()); // each once: no duplicates, none missed
    // What one sweep listed but the other aborted first is already gone for it, not a failure.
    const seen = (report: typeof a) => report.aborted.length + report.alreadyGone.length;
    expect(seen(a) + seen(b)).toBeGreaterThanOrEqual(ids.length);
    expect(a.alreadyGone.length + b.alreadyGone.length).toBe(seen(a) + seen(b) - ids.length);
    expect(a.failed).toEqual([]);
    expect(b.failed).toEqual([]);
    expect(await listed('twice/')).toEqual([]);
  }, 60_000);

  it('counts an upload aborted by someone else between listing and abort as already gone', async () => {
    const [first, second] = await open(2, (i) => `raced/${i}.bin`);
    // Another instance aborts `first` right after this sweep listed it (the page is real, the race is staged).
    const racing: StorageProvider = {
      ...provider,
      async listMultipartUploads(input) {
        const page = await provider.listMultipartUploads!(input);
        await local.client.send(
          new AbortMultipartUploadCommand({ Bucket: local.store.bucket, Key: 'raced/0.bin', UploadId: first }),
        );
        return page;
      },
    };
    const report = await sweepIncompleteUploads({
      provider: racing,
      prefix: 'raced/',
      olderThan: 0,
      now: Date.now() + 1000,
    });
    expect(report.alreadyGone.map((upload) => upload.uploadId)).toEqual([first]);
    expect(report.aborted.map((upload) => upload.uploadId)).toEqual([second]);
    expect(report.failed).toEqual([]);
  });

  it('refuses a provider without listMultipartUploads and a negative age', async () => {
    // A provider of the application's own that cannot list (the method is optional).
    const withoutList: StorageProvider = {
      presignPut: (input) => provider.presignPut(input),
      createMultipart: (input) => provider.createMultipart(input),
      presignPart: (input) => provider.presignPart(input),
      listParts: (input) => provider.listParts(input),
      completeMultipart: (input) => provider.completeMultipart(input),
      abortMultipart: (input) => provider.abortMultipart(input),
    };
    await expect(sweepIncompleteUploads({ provider: withoutList, prefix: '', olderThan: 1 })).rejects.toThrow(
      /listMultipartUploads/,
    );
    await expect(sweepIncompleteUploads({ provider, prefix: '', olderThan: -1 })).rejects.toThrow(/olderThan/);
  });
});
