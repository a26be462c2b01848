// The embedded store checks declared digests as S3 does, through the AWS SDK as a client.
import { CreateMultipartUploadCommand, ListPartsCommand, PutObjectCommand, S3Client, S3ServiceException, UploadPartCommand, GetObjectCommand } from '@aws-sdk/client-s3';
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
  directory = await mkdtemp(join(tmpdir(), 'ferry-digest-'));
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

const md5 = (data: Buffer) => createHash('md5').update(data).digest('base64');
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('base64');
const crc32c = (data: Buffer) => {
  const value = Buffer.alloc(4);
  value.writeUInt32BE(new Crc32c().update(data).digest() >>> 0);
  return value.toString('base64');
};

async function refusal(send: Promise<unknown>): Promise<{ code: string; status: number }> {
  try {
    await send;
  } catch (error) {
    if (error instanceof S3ServiceException) return { code: error.name, status: error.$metadata.httpStatusCode ?? 0 };
    throw error;
  }
  throw new Error('the store accepted it');
}

describe('digest checks (Content-MD5, x-amz-checksum-*)', () => {
  it('stores a PutObject whose Content-MD5 and SHA-256 match, byte for byte', async () => {
    const body = randomBytes(70_000);
    await client.send(new PutObjectCommand({ Bucket: store.bucket, Key: 'ok.bin', Body: body, ContentMD5: md5(body), ChecksumSHA256: sha256(body) }));
    const stored = Buffer.from(await (await client.send(new GetObjectCommand({ Bucket: store.bucket, Key: 'ok.bin' }))).Body!.transformToByteArray());
    expect(stored.equals(body)).toBe(true);
  });

  it('answers 400 BadDigest to a Content-MD5 that does not match', async () => {
    const body = randomBytes(1000);
    expect(await refusal(client.send(new PutObjectCommand({ Bucket: store.bucket, Key: 'bad-md5.bin', Body: body, ContentMD5: md5(randomBytes(1000)) })))).toEqual({
      code: 'BadDigest',
      status: 400,
    });
  });

  it('answers 400 InvalidDigest to a malformed Content-MD5, and InvalidRequest to a malformed checksum', async () => {
    const body = randomBytes(10);
    expect(await refusal(client.send(new PutObjectCommand({ Bucket: store.bucket, Key: 'x', Body: body, ContentMD5: 'not-md5' })))).toEqual({ code: 'InvalidDigest', status: 400 });
    expect(await refusal(client.send(new PutObjectCommand({ Bucket: store.bucket, Key: 'x', Body: body, ChecksumSHA256: 'c2hvcnQ=' })))).toEqual({ code: 'InvalidRequest', status: 400 });
  });

  it('refuses an UploadPart whose SHA-256 or CRC-32C does not match, and lists only the part that matched', async () => {
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: store.bucket, Key: 'parts.bin' }));
    const part = randomBytes(5 * 1024 * 1024);
    const other = randomBytes(5 * 1024 * 1024);
    const upload = { Bucket: store.bucket, Key: 'parts.bin', UploadId: UploadId! };
    expect(await refusal(client.send(new UploadPartCommand({ ...upload, PartNumber: 1, Body: part, ChecksumSHA256: sha256(other) })))).toEqual({ code: 'BadDigest', status: 400 });
    expect(await refusal(client.send(new UploadPartCommand({ ...upload, PartNumber: 2, Body: part, ChecksumCRC32C: crc32c(other) })))).toEqual({ code: 'BadDigest', status: 400 });
    await client.send(new UploadPartCommand({ ...upload, PartNumber: 3, Body: part, ChecksumCRC32C: crc32c(part), ContentMD5: md5(part) }));
    const listed = await client.send(new ListPartsCommand(upload));
    expect((listed.Parts ?? []).map((p) => p.PartNumber)).toEqual([3]);
  });
});
