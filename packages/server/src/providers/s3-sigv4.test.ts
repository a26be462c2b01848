// SigV4 presigning against AWS's published example: "Authenticating Requests: Using Query
// Parameters (AWS Signature Version 4)", Amazon S3 API Reference, "Example: presigned URL" (GET
// examplebucket/test.txt, 2013-05-24, 86,400 s), reproduced with the engine the provider signs with
// (aws4fetch's AwsV4Signer, on WebCrypto). AWS publishes no presigned PUT or UploadPart vector: the
// provider's are checked for shape here and accepted by the signature-checking local store in
// handler.test.ts.
import { AwsV4Signer } from 'aws4fetch';
import { describe, expect, it } from 'vitest';
import { isSigningError } from '../signing-error.js';
import { createS3Provider } from './s3.js';

const credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const example = {
  bucket: 'examplebucket',
  region: 'us-east-1',
  // AWS signs its example for the global virtual-hosted host examplebucket.s3.amazonaws.com.
  endpoint: 'https://s3.amazonaws.com',
  forcePathStyle: false,
  credentials,
};

describe('SigV4 presigning (AWS documentation example)', () => {
  it('reproduces the published presigned GET signature, parameter for parameter', async () => {
    const signer = new AwsV4Signer({
      method: 'GET',
      url: 'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Expires=86400',
      ...credentials,
      service: 's3',
      region: 'us-east-1',
      datetime: '20130524T000000Z',
      signQuery: true,
      allHeaders: true,
    });
    const { url } = await signer.sign();
    expect(Object.fromEntries(url.searchParams)).toEqual({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request',
      'X-Amz-Date': '20130524T000000Z',
      'X-Amz-Expires': '86400',
      'X-Amz-SignedHeaders': 'host',
      'X-Amz-Signature': 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    });
  });

  it('the provider signs a GET the same way (host only, virtual-hosted, the example’s scope)', async () => {
    const { url } = await createS3Provider(example).presignGet!({ key: 'test.txt', expiresIn: 86400 });
    const signed = new URL(url);
    expect(signed.host).toBe('examplebucket.s3.amazonaws.com');
    expect(signed.pathname).toBe('/test.txt');
    expect(signed.searchParams.get('X-Amz-Credential')).toMatch(
      /^AKIAIOSFODNN7EXAMPLE\/\d{8}\/us-east-1\/s3\/aws4_request$/,
    );
    expect(signed.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
  });

  it('signs a PUT for its Content-Type and exact Content-Length, with no checksum of an empty body', async () => {
    const { url, headers } = await createS3Provider(example).presignPut({
      key: 'a b/ü+~.txt',
      contentType: 'text/plain',
      contentLength: 1234,
      expiresIn: 600,
    });
    const signed = new URL(url);
    expect(signed.pathname).toBe('/a%20b/%C3%BC%2B~.txt');
    expect(signed.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(signed.searchParams.get('X-Amz-Expires')).toBe('600');
    expect([...signed.searchParams.keys()].filter((name) => /checksum/i.test(name))).toEqual([]);
    expect(headers).toEqual({ 'Content-Type': 'text/plain' });
  });

  it('signs an UploadPart with its part number and upload id in the signed query, path-style with an endpoint', async () => {
    const provider = createS3Provider({ ...example, forcePathStyle: true });
    const { url } = await provider.presignPart({
      key: 'big.bin',
      uploadId: 'up/1+2',
      partNumber: 3,
      contentLength: 5 * 1024 * 1024,
      expiresIn: 600,
    });
    const signed = new URL(url);
    expect(signed.pathname).toBe('/examplebucket/big.bin');
    expect(signed.searchParams.get('partNumber')).toBe('3');
    expect(signed.searchParams.get('uploadId')).toBe('up/1+2');
    expect(signed.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;host');
    expect(signed.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses lifetimes that are not whole seconds from 1 to 604800, with SigningError invalid-expiry', async () => {
    const provider = createS3Provider(example);
    for (const expiresIn of [0, -5, 900.5, 604801, Number.NaN]) {
      const refused = await provider.presignPut({ key: 'k', contentType: 'a/b', contentLength: 1, expiresIn }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(isSigningError(refused), String(expiresIn)).toBe(true);
      expect(refused).toMatchObject({ code: 'invalid-expiry' });
    }
    await expect(provider.presignGet!({ key: 'k', expiresIn: 604800 })).resolves.toHaveProperty('url');
  });

  it('without credentials, reads AWS_* from the environment, else refuses with SigningError no-credentials', async () => {
    const saved = { ...process.env };
    try {
      delete process.env['AWS_ACCESS_KEY_ID'];
      delete process.env['AWS_SECRET_ACCESS_KEY'];
      const bare = createS3Provider({ bucket: 'examplebucket' });
      await expect(bare.presignGet!({ key: 'k', expiresIn: 60 })).rejects.toMatchObject({ code: 'no-credentials' });
      process.env['AWS_ACCESS_KEY_ID'] = 'AKIDENV';
      process.env['AWS_SECRET_ACCESS_KEY'] = 'secret';
      process.env['AWS_SESSION_TOKEN'] = 'session';
      const { url } = await bare.presignGet!({ key: 'k', expiresIn: 60 });
      expect(new URL(url).searchParams.get('X-Amz-Credential')).toMatch(/^AKIDENV\//);
      expect(new URL(url).searchParams.get('X-Amz-Security-Token')).toBe('session');
      expect(new URL(url).host).toBe('examplebucket.s3.us-east-1.amazonaws.com');
    } finally {
      process.env = saved;
    }
  });
});
