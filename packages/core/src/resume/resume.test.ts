import { startTestStack, type TestStack } from '@ferry/testing';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Uploader, type ResumeStore, type UploadSnapshot } from '../index.js';
import { createMemoryResumeStore } from './index.js';

const MiB = 1024 * 1024;
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

function settled(uploader: Uploader, id: string, states = ['done', 'error', 'cancelled']): Promise<UploadSnapshot> {
  return new Promise((resolve) =>
    uploader.on('state', ({ upload }) => upload.id === id && states.includes(upload.state) && resolve(upload)),
  );
}

const partPuts = (from: number) =>
  stack.storeFaults.requests
    .slice(from)
    .filter((r) => r.method === 'PUT' && /partNumber=/.test(r.url))
    .map((r) => Number(/partNumber=(\d+)/.exec(r.url)![1]));

function uploader(resumeStore: ResumeStore) {
  return new Uploader({
    endpoint: stack.endpoint,
    partSize: 5 * MiB,
    concurrency: 1,
    resumeStore,
    scheduleProgress: (f) => f(),
  });
}

describe('resume across Uploader instances (as after a reload)', () => {
  it('continues a half-done upload, sending only the missing parts, and forgets it once stored', async () => {
    const resumeStore = createMemoryResumeStore();
    const data = new Uint8Array(randomBytes(21 * MiB)); // 5 parts
    const file = new File([data], 'big.bin', { lastModified: 1_700_000_000_000 });

    // First session: stops (as a closed tab would) once two parts are stored.
    const first = uploader(resumeStore);
    const { id } = first.add(file);
    await new Promise<void>((resolve) => first.on('progress', ({ upload }) => upload.parts.done >= 2 && resolve()));
    first.pause(id);

    // Second session: a new Uploader, the same file added again.
    const before = stack.storeFaults.requests.length;
    const second = uploader(resumeStore);
    const again = second.add(new File([data], 'big.bin', { lastModified: 1_700_000_000_000 }));
    const done = await settled(second, again.id);
    expect(done.state).toBe('done');
    const sent = partPuts(before);
    expect(sent.length).toBeLessThanOrEqual(3);
    expect(sent).not.toContain(1);
    expect(done.bytesSent).toBe(data.length);
    expect(await stack.objectSha256(done.key!)).toBe(createHash('sha256').update(data).digest('hex'));

    // Stored: the record is gone, so the same file now starts a new upload.
    const third = uploader(resumeStore);
    const fresh = third.add(file);
    const creates: string[] = [];
    const off = stack.store.onRequest((r) => r.method === 'POST' && /\?uploads/.test(r.url) && creates.push(r.url));
    expect((await settled(third, fresh.id)).state).toBe('done');
    off();
    expect(creates).toHaveLength(1);
  });

  it('drops a record whose upload was aborted meanwhile, and starts afresh', async () => {
    const resumeStore = createMemoryResumeStore();
    const data = new Uint8Array(randomBytes(11 * MiB));
    const first = uploader(resumeStore);
    const { id } = first.add(new File([data], 'gone.bin', { lastModified: 1 }));
    await new Promise<void>((resolve) => first.on('progress', ({ upload }) => upload.parts.done >= 1 && resolve()));
    first.pause(id);
    // Aborted behind the record's back (another tab, a lifecycle rule).
    const record = first.get(id)!;
    const { AbortMultipartUploadCommand, ListMultipartUploadsCommand, S3Client } = await import('@aws-sdk/client-s3');
    const client = new S3Client({
      endpoint: stack.store.endpoint,
      region: stack.store.region,
      credentials: stack.store.credentials,
      forcePathStyle: true,
    });
    const open = await client.send(new ListMultipartUploadsCommand({ Bucket: stack.store.bucket, Prefix: record.key }));
    for (const upload of open.Uploads ?? []) {
      await client.send(
        new AbortMultipartUploadCommand({ Bucket: stack.store.bucket, Key: upload.Key, UploadId: upload.UploadId }),
      );
    }
    client.destroy();

    const second = uploader(resumeStore);
    const again = second.add(new File([data], 'gone.bin', { lastModified: 1 }));
    const done = await settled(second, again.id);
    expect(done.state).toBe('done');
    expect(done.key).not.toBe(record.key);
    expect(await stack.objectSha256(done.key!)).toBe(createHash('sha256').update(data).digest('hex'));
  });
});
