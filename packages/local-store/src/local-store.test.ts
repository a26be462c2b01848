import {
  AbortMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Crc32c } from '@aws-crypto/crc32c';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStore, type LocalStore } from './index.js';

let store: LocalStore;
let client: S3Client;
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'ferry-store-'));
  store = await startLocalStore({ directory });
  client = new S3Client({
    endpoint: store.endpoint,
    region: store.region,
    credentials: store.credentials,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
});

afterAll(async () => {
  client.destroy();
  await store.close();
  await rm(directory, { recursive: true, force: true });
});

const Bucket = () => store.bucket;
const part = (byte: number, size = 5 * 1024 * 1024) => new Uint8Array(size).fill(byte);

async function storeError(promise: Promise<unknown>): Promise<S3ServiceException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof S3ServiceException) return error;
    throw error;
  }
  throw new Error('expected the store to refuse');
}

describe('signature checks (the reason this store was chosen)', () => {
  it('accepts a presigned PUT sent with the signed Content-Type, and refuses another with 403 SignatureDoesNotMatch', async () => {
    const url = await getSignedUrl(
      client,
      new PutObjectCommand({ Bucket: Bucket(), Key: 'sig/a.txt', ContentType: 'text/plain' }),
      {
        expiresIn: 60,
        signableHeaders: new Set(['content-type']),
      },
    );
    const good = await fetch(url, { method: 'PUT', headers: { 'Content-Type': 'text/plain' }, body: 'hello' });
    expect(good.status).toBe(200);
    const bad = await fetch(url, { method: 'PUT', headers: { 'Content-Type': 'image/png' }, body: 'hello' });
    expect(bad.status).toBe(403);
    expect(await bad.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('refuses a request signed with the wrong secret', async () => {
    const wrong = new S3Client({
      endpoint: store.endpoint,
      region: store.region,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'not-the-secret' },
      forcePathStyle: true,
    });
    const error = await storeError(wrong.send(new PutObjectCommand({ Bucket: Bucket(), Key: 'sig/b.txt', Body: 'x' })));
    expect(error.name).toBe('SignatureDoesNotMatch');
    wrong.destroy();
  });

  it('verifies bucket-level requests signed on "/bucket/" (ListObjectsV2 through the SDK)', async () => {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: Bucket(), Prefix: 'sig/' }));
    expect(listed.Contents?.map((object) => object.Key)).toContain('sig/a.txt');
  });
});

describe('a private bucket, as on S3 and OSS', () => {
  it('answers 403 AccessDenied to an unsigned PUT, GET or DELETE, and stores nothing', async () => {
    const url = `${store.endpoint}/${Bucket()}/anonymous/x.txt`;
    for (const method of ['PUT', 'GET', 'DELETE']) {
      const response = await fetch(url, method === 'PUT' ? { method, body: 'x' } : { method });
      expect(response.status, method).toBe(403);
      expect(await response.text(), method).toContain('<Code>AccessDenied</Code>');
    }
    const listed = await client.send(new ListObjectsV2Command({ Bucket: Bucket(), Prefix: 'anonymous/' }));
    expect(listed.KeyCount ?? 0).toBe(0);
  });

  it('still answers a CORS preflight, which carries no signature', async () => {
    const response = await fetch(`${store.endpoint}/${Bucket()}/anonymous/x.txt`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:1', 'Access-Control-Request-Method': 'PUT' },
    });
    expect(response.status).toBe(200);
  });
});

describe('body length', () => {
  it('stores nothing of a PUT whose connection ends before its Content-Length (IncompleteBody)', async () => {
    const url = new URL(
      await getSignedUrl(client, new PutObjectCommand({ Bucket: Bucket(), Key: 'short/a.bin', ContentLength: 1000 }), {
        expiresIn: 60,
      }),
    );
    const { connect } = await import('node:net');
    const socket = connect(Number(url.port), url.hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`PUT ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Length: 1000\r\n\r\n`);
    socket.write(Buffer.alloc(400, 7));
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const error = await storeError(client.send(new GetObjectCommand({ Bucket: Bucket(), Key: 'short/a.bin' })));
    expect(error.name).toBe('NoSuchKey');
  });
});

describe('multipart operations added to s3rver', () => {
  it('lists parts, lists uploads, and aborts so that nothing is left', async () => {
    const Key = 'mp/one.bin';
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: Bucket(), Key }));
    const first = await client.send(
      new UploadPartCommand({ Bucket: Bucket(), Key, UploadId, PartNumber: 1, Body: part(1) }),
    );
    await client.send(new UploadPartCommand({ Bucket: Bucket(), Key, UploadId, PartNumber: 2, Body: part(2, 1000) }));

    const parts = await client.send(new ListPartsCommand({ Bucket: Bucket(), Key, UploadId }));
    expect(parts.Parts?.map((p) => [p.PartNumber, p.Size])).toEqual([
      [1, 5 * 1024 * 1024],
      [2, 1000],
    ]);
    expect(parts.Parts?.[0]?.ETag).toBe(first.ETag);
    expect(parts.IsTruncated).toBe(false);

    const uploads = await client.send(new ListMultipartUploadsCommand({ Bucket: Bucket(), Prefix: 'mp/' }));
    expect(uploads.Uploads?.map((u) => [u.Key, u.UploadId])).toEqual([[Key, UploadId]]);

    await client.send(new AbortMultipartUploadCommand({ Bucket: Bucket(), Key, UploadId }));
    const after = await client.send(new ListMultipartUploadsCommand({ Bucket: Bucket(), Prefix: 'mp/' }));
    expect(after.Uploads ?? []).toEqual([]);
    const gone = await storeError(client.send(new ListPartsCommand({ Bucket: Bucket(), Key, UploadId })));
    expect(gone.name).toBe('NoSuchUpload');
    expect(gone.$metadata.httpStatusCode).toBe(404);
  });

  it('pages ListParts with MaxParts and PartNumberMarker', async () => {
    const Key = 'mp/paged.bin';
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: Bucket(), Key }));
    for (const PartNumber of [1, 2, 3]) {
      await client.send(
        new UploadPartCommand({ Bucket: Bucket(), Key, UploadId, PartNumber, Body: part(PartNumber, 10) }),
      );
    }
    const page1 = await client.send(new ListPartsCommand({ Bucket: Bucket(), Key, UploadId, MaxParts: 2 }));
    expect(page1.Parts?.map((p) => p.PartNumber)).toEqual([1, 2]);
    expect(page1.IsTruncated).toBe(true);
    const page2 = await client.send(
      new ListPartsCommand({
        Bucket: Bucket(),
        Key,
        UploadId,
        MaxParts: 2,
        PartNumberMarker: page1.NextPartNumberMarker,
      }),
    );
    expect(page2.Parts?.map((p) => p.PartNumber)).toEqual([3]);
    expect(page2.IsTruncated).toBe(false);
    await client.send(new AbortMultipartUploadCommand({ Bucket: Bucket(), Key, UploadId }));
  });

  it('pages ListParts at partsPageSize parts when the client asks for no page size', async () => {
    const pagedDirectory = await mkdtemp(join(tmpdir(), 'ferry-store-paged-'));
    const paged = await startLocalStore({ directory: pagedDirectory, partsPageSize: 2 });
    const pagedClient = new S3Client({
      endpoint: paged.endpoint,
      region: paged.region,
      credentials: paged.credentials,
      forcePathStyle: true,
    });
    try {
      const Key = 'mp/small-pages.bin';
      const { UploadId } = await pagedClient.send(new CreateMultipartUploadCommand({ Bucket: paged.bucket, Key }));
      for (const PartNumber of [1, 2, 3]) {
        await pagedClient.send(
          new UploadPartCommand({ Bucket: paged.bucket, Key, UploadId, PartNumber, Body: part(PartNumber, 10) }),
        );
      }
      const first = await pagedClient.send(new ListPartsCommand({ Bucket: paged.bucket, Key, UploadId }));
      expect(first.Parts?.map((p) => p.PartNumber)).toEqual([1, 2]);
      expect(first.IsTruncated).toBe(true);
      const larger = await pagedClient.send(new ListPartsCommand({ Bucket: paged.bucket, Key, UploadId, MaxParts: 5 }));
      expect(larger.Parts?.map((p) => p.PartNumber)).toEqual([1, 2]);
    } finally {
      pagedClient.destroy();
      await paged.close();
      await rm(pagedDirectory, { recursive: true, force: true });
    }
  });

  it('answers NoSuchUpload to a part of an unknown or aborted upload, and to a foreign key', async () => {
    const Key = 'mp/aborted.bin';
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: Bucket(), Key }));
    const foreign = await storeError(
      client.send(new ListPartsCommand({ Bucket: Bucket(), Key: 'mp/other.bin', UploadId })),
    );
    expect(foreign.name).toBe('NoSuchUpload');
    await client.send(new AbortMultipartUploadCommand({ Bucket: Bucket(), Key, UploadId }));
    const late = await storeError(
      client.send(new UploadPartCommand({ Bucket: Bucket(), Key, UploadId, PartNumber: 1, Body: part(1, 10) })),
    );
    expect(late.name).toBe('NoSuchUpload');
    const again = await storeError(client.send(new AbortMultipartUploadCommand({ Bucket: Bucket(), Key, UploadId })));
    expect(again.name).toBe('NoSuchUpload');
  });

  it('still completes a multipart upload through s3rver', async () => {
    const Key = 'mp/complete.bin';
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: Bucket(), Key }));
    const one = await client.send(
      new UploadPartCommand({ Bucket: Bucket(), Key, UploadId, PartNumber: 1, Body: part(7) }),
    );
    const two = await client.send(
      new UploadPartCommand({ Bucket: Bucket(), Key, UploadId, PartNumber: 2, Body: part(8, 3) }),
    );
    const { CompleteMultipartUploadCommand } = await import('@aws-sdk/client-s3');
    await client.send(
      new CompleteMultipartUploadCommand({
        Bucket: Bucket(),
        Key,
        UploadId,
        MultipartUpload: {
          Parts: [
            { PartNumber: 1, ETag: one.ETag },
            { PartNumber: 2, ETag: two.ETag },
          ],
        },
      }),
    );
    const object = await client.send(new GetObjectCommand({ Bucket: Bucket(), Key }));
    const bytes = await object.Body!.transformToByteArray();
    expect(bytes.length).toBe(5 * 1024 * 1024 + 3);
    expect(bytes[0]).toBe(7);
    expect(bytes.at(-1)).toBe(8);
  });
});

const md5 = (data: Buffer) => createHash('md5').update(data).digest('base64');
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('base64');
const crc32c = (data: Buffer) => {
  const value = Buffer.alloc(4);
  value.writeUInt32BE(new Crc32c().update(data).digest() >>> 0);
  return value.toString('base64');
};

/** The store's refusal of `send`, as code and status. */
async function refusal(send: Promise<unknown>): Promise<{ code: string; status: number }> {
  const error = await storeError(send);
  return { code: error.name, status: error.$metadata.httpStatusCode ?? 0 };
}

describe('digest checks (Content-MD5, x-amz-checksum-*)', () => {
  it('stores a PutObject whose Content-MD5 and SHA-256 match, byte for byte', async () => {
    const body = randomBytes(70_000);
    await client.send(
      new PutObjectCommand({
        Bucket: store.bucket,
        Key: 'ok.bin',
        Body: body,
        ContentMD5: md5(body),
        ChecksumSHA256: sha256(body),
      }),
    );
    const stored = Buffer.from(
      await (
        await client.send(new GetObjectCommand({ Bucket: store.bucket, Key: 'ok.bin' }))
      ).Body!.transformToByteArray(),
    );
    expect(stored.equals(body)).toBe(true);
  });

  it('answers 400 BadDigest to a Content-MD5 that does not match', async () => {
    const body = randomBytes(1000);
    expect(
      await refusal(
        client.send(
          new PutObjectCommand({
            Bucket: store.bucket,
            Key: 'bad-md5.bin',
            Body: body,
            ContentMD5: md5(randomBytes(1000)),
          }),
        ),
      ),
    ).toEqual({
      code: 'BadDigest',
      status: 400,
    });
  });

  it('answers 400 InvalidDigest to a malformed Content-MD5, and InvalidRequest to a malformed checksum', async () => {
    const body = randomBytes(10);
    expect(
      await refusal(
        client.send(new PutObjectCommand({ Bucket: store.bucket, Key: 'x', Body: body, ContentMD5: 'not-md5' })),
      ),
    ).toEqual({ code: 'InvalidDigest', status: 400 });
    expect(
      await refusal(
        client.send(new PutObjectCommand({ Bucket: store.bucket, Key: 'x', Body: body, ChecksumSHA256: 'c2hvcnQ=' })),
      ),
    ).toEqual({ code: 'InvalidRequest', status: 400 });
  });

  it('refuses an UploadPart whose SHA-256 or CRC-32C does not match, and lists only the part that matched', async () => {
    const { UploadId } = await client.send(
      new CreateMultipartUploadCommand({ Bucket: store.bucket, Key: 'parts.bin' }),
    );
    const part = randomBytes(5 * 1024 * 1024);
    const other = randomBytes(5 * 1024 * 1024);
    const upload = { Bucket: store.bucket, Key: 'parts.bin', UploadId: UploadId! };
    expect(
      await refusal(
        client.send(new UploadPartCommand({ ...upload, PartNumber: 1, Body: part, ChecksumSHA256: sha256(other) })),
      ),
    ).toEqual({ code: 'BadDigest', status: 400 });
    expect(
      await refusal(
        client.send(new UploadPartCommand({ ...upload, PartNumber: 2, Body: part, ChecksumCRC32C: crc32c(other) })),
      ),
    ).toEqual({ code: 'BadDigest', status: 400 });
    await client.send(
      new UploadPartCommand({
        ...upload,
        PartNumber: 3,
        Body: part,
        ChecksumCRC32C: crc32c(part),
        ContentMD5: md5(part),
      }),
    );
    const listed = await client.send(new ListPartsCommand(upload));
    expect((listed.Parts ?? []).map((p) => p.PartNumber)).toEqual([3]);
  });
});
