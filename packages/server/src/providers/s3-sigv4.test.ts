// SigV4 presigning against AWS's published example: "Authenticating Requests: Using Query
// Parameters (AWS Signature Version 4)", Amazon S3 API Reference, "Example: presigned URL" (GET
// examplebucket/test.txt, 2013-05-24, 86,400 s). getSignedUrl adds X-Amz-Content-Sha256 and x-id
// to the signed query, so the example is reproduced with the SigV4 engine it is built on
// (@smithy/signature-v4). AWS publishes no presigned PUT or UploadPart vector: the provider's are
// checked for shape here and accepted by the signature-checking local store in handler.test.ts.
import { GetObjectCommand, PutObjectCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { s3ClientFor } from './s3.js';

const example = {
  bucket: 'examplebucket',
  region: 'us-east-1',
  // AWS signs its example for the global virtual-hosted host examplebucket.s3.amazonaws.com.
  endpoint: 'https://s3.amazonaws.com',
  forcePathStyle: false,
  credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
};
const signingDate = new Date('2013-05-24T00:00:00Z');

describe('SigV4 presigning (AWS documentation example)', () => {
  it('reproduces the published presigned GET signature, parameter for parameter', async () => {
    // node:crypto behind the Hash shape the engine wants (HMAC when given a secret).
    type Data = string | ArrayBuffer | ArrayBufferView;
    const bytes = (data: Data) =>
      typeof data === 'string'
        ? data
        : ArrayBuffer.isView(data)
          ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
          : new Uint8Array(data);
    class Sha256 {
      readonly #hash;
      constructor(secret?: Data) {
        this.#hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
      }
      update(data: Data): void {
        this.#hash.update(bytes(data));
      }
      async digest(): Promise<Uint8Array> {
        return this.#hash.digest();
      }
    }
    const signer = new SignatureV4({
      service: 's3',
      region: 'us-east-1',
      credentials: example.credentials,
      sha256: Sha256,
      uriEscapePath: false,
      applyChecksum: false,
    });
    // S3 presigned URLs sign UNSIGNED-PAYLOAD; the header only carries that to the engine, unsigned.
    const headers = { host: 'examplebucket.s3.amazonaws.com', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' };
    const request = new HttpRequest({
      method: 'GET',
      protocol: 'https:',
      hostname: 'examplebucket.s3.amazonaws.com',
      path: '/test.txt',
      headers,
    });
    const unsigned = new Set(['x-amz-content-sha256']);
    const signed = await signer.presign(request, {
      expiresIn: 86400,
      signingDate,
      unsignableHeaders: unsigned,
      unhoistableHeaders: unsigned,
    });
    expect(signed.query).toEqual({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request',
      'X-Amz-Date': '20130524T000000Z',
      'X-Amz-Expires': '86400',
      'X-Amz-SignedHeaders': 'host',
      'X-Amz-Signature': 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    });
  });

  it('getSignedUrl as the provider configures it signs the same way (host only, the example’s scope)', async () => {
    const url = new URL(
      await getSignedUrl(s3ClientFor(example), new GetObjectCommand({ Bucket: 'examplebucket', Key: 'test.txt' }), {
        expiresIn: 86400,
        signingDate,
      }),
    );
    expect(url.host).toBe('examplebucket.s3.amazonaws.com');
    expect(url.searchParams.get('X-Amz-Credential')).toBe('AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
  });

  it('signs a PUT for its Content-Type and exact Content-Length, with no checksum of an empty body', async () => {
    const command = new PutObjectCommand({
      Bucket: 'examplebucket',
      Key: 'a b/ü+~.txt',
      ContentType: 'text/plain',
      ContentLength: 1234,
    });
    const url = new URL(
      await getSignedUrl(s3ClientFor(example), command, {
        expiresIn: 600,
        signingDate,
        signableHeaders: new Set(['content-type', 'content-length']),
      }),
    );
    expect(url.pathname).toBe('/a%20b/%C3%BC%2B~.txt');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect([...url.searchParams.keys()].filter((name) => /checksum/i.test(name))).toEqual([]);
  });

  it('signs an UploadPart with its part number and upload id in the signed query', async () => {
    const command = new UploadPartCommand({
      Bucket: 'examplebucket',
      Key: 'big.bin',
      UploadId: 'up/1+2',
      PartNumber: 3,
      ContentLength: 5 * 1024 * 1024,
    });
    const url = new URL(
      await getSignedUrl(s3ClientFor(example), command, {
        expiresIn: 600,
        signingDate,
        signableHeaders: new Set(['content-length']),
      }),
    );
    expect(url.searchParams.get('partNumber')).toBe('3');
    expect(url.searchParams.get('uploadId')).toBe('up/1+2');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;host');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });
});
