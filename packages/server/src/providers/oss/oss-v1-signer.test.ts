// OSS V1 (legacy) against the worked examples of aliyun/alibabacloud-oss-go-sdk-v2,
// oss/signer/signer_test.go (TestV1AuthHeader cases 1 and 2, TestV1AuthQuery cases 1 and 2).
import { describe, expect, it } from 'vitest';
import { ossV1AuthorizationHeaders, ossV1PresignQuery, ossV1StringToSign } from './oss-v1-signer.js';

const credentials = { accessKeyId: 'ak', accessKeySecret: 'sk' };
const time = new Date('Wed, 28 Dec 2022 10:27:41 GMT');
const headers = {
  'Content-MD5': 'eB5eJF1ptWaXm4bijSPyxw==',
  'Content-Type': 'text/html',
  'x-oss-meta-author': 'alice',
  'x-oss-meta-magic': 'abracadabra',
  'x-oss-date': 'Wed, 28 Dec 2022 10:27:41 GMT',
};

describe('OSS V1 (Go SDK v2 vectors)', async () => {
  it('TestV1AuthHeader case 1: an object PUT with metadata', async () => {
    const request = { method: 'PUT', bucket: 'examplebucket', key: 'nelson', query: {}, headers };
    expect(ossV1StringToSign(request, time.toUTCString())).toBe(
      'PUT\neB5eJF1ptWaXm4bijSPyxw==\ntext/html\nWed, 28 Dec 2022 10:27:41 GMT\nx-oss-date:Wed, 28 Dec 2022 10:27:41 GMT\nx-oss-meta-author:alice\nx-oss-meta-magic:abracadabra\n/examplebucket/nelson',
    );
    expect((await ossV1AuthorizationHeaders(request, credentials, { time })).Authorization).toBe(
      'OSS ak:kSHKmLxlyEAKtZPkJhG9bZb5k7M=',
    );
  });

  it('TestV1AuthHeader case 2: a sub-resource without a value', async () => {
    const request = { method: 'PUT', bucket: 'examplebucket', key: 'nelson', query: { acl: '' }, headers };
    expect((await ossV1AuthorizationHeaders(request, credentials, { time })).Authorization).toBe(
      'OSS ak:/afkugFbmWDQ967j1vr6zygBLQk=',
    );
  });

  it('TestV1AuthQuery: presigned, and with an STS token (a key with +)', async () => {
    const plain = await ossV1PresignQuery(
      { method: 'GET', bucket: 'bucket', key: 'key', query: { versionId: 'versionId' }, headers: {} },
      credentials,
      1699807420,
      { time: new Date((1699807420 - 900) * 1000) },
    );
    expect(plain['Signature']).toBe('dcLTea+Yh9ApirQ8o8dOPqtvJXQ=');
    const sts = await ossV1PresignQuery(
      { method: 'GET', bucket: 'bucket', key: 'key+123', query: { versionId: 'versionId' }, headers: {} },
      { ...credentials, securityToken: 'token' },
      1699808204,
      { time: new Date((1699808204 - 900) * 1000) },
    );
    expect(sts['Signature']).toBe('jzKYRrM5y6Br0dRFPaTGOsbrDhY=');
    expect(sts['security-token']).toBe('token');
  });
});

describe('OSS V1 operation sub-resources (Go SDK v2 vectors: TestV1AuthHeader cases 3 and 4)', () => {
  const bucketGet = (query: Record<string, string>) => ({
    method: 'GET',
    bucket: 'examplebucket',
    key: '',
    query,
    headers: { 'x-oss-date': 'Wed, 28 Dec 2022 10:27:41 GMT' },
  });

  it('case 3: resourceGroup is signed when the operation names it; other parameters are not', async () => {
    const request = bucketGet({ resourceGroup: '', 'non-resousce': 'null' });
    const options = { time, subResources: ['resourceGroup'] };
    expect(ossV1StringToSign(request, time.toUTCString(), options.subResources)).toBe(
      'GET\n\n\nWed, 28 Dec 2022 10:27:41 GMT\nx-oss-date:Wed, 28 Dec 2022 10:27:41 GMT\n/examplebucket/?resourceGroup',
    );
    expect((await ossV1AuthorizationHeaders(request, credentials, options)).Authorization).toBe(
      'OSS ak:vkQmfuUDyi1uDi3bKt67oemssIs=',
    );
    // Without it, V1's fixed list leaves resourceGroup out, and the signature differs.
    expect(ossV1StringToSign(request, time.toUTCString())).toMatch(/\/examplebucket\/$/);
    expect((await ossV1AuthorizationHeaders(request, credentials, { time })).Authorization).not.toBe(
      'OSS ak:vkQmfuUDyi1uDi3bKt67oemssIs=',
    );
  });

  it('case 4: with a listed sub-resource (acl), sorted together', async () => {
    const request = bucketGet({ resourceGroup: '', acl: '' });
    expect(ossV1StringToSign(request, time.toUTCString(), ['resourceGroup'])).toMatch(
      /\/examplebucket\/\?acl&resourceGroup$/,
    );
    expect(
      (await ossV1AuthorizationHeaders(request, credentials, { time, subResources: ['resourceGroup'] })).Authorization,
    ).toBe('OSS ak:x3E5TgOvl/i7PN618s5mEvpJDYk=');
  });

  it('presigned URLs sign the sub-resources too', async () => {
    const request = { ...bucketGet({ resourceGroup: 'rg-1' }), headers: {} };
    const expires = Math.floor(time.getTime() / 1000) + 60;
    const plain = await ossV1PresignQuery(request, credentials, expires, { time });
    const withGroup = await ossV1PresignQuery(request, credentials, expires, { time, subResources: ['resourceGroup'] });
    expect(withGroup['Signature']).not.toBe(plain['Signature']);
    expect(withGroup['resourceGroup']).toBe('rg-1');
  });
});

describe('OSS V1 presigned expiry, checked at the signer', () => {
  const request = { method: 'GET', bucket: 'bucket', key: 'key', query: {}, headers: {} };
  const now = Math.floor(time.getTime() / 1000);

  it('refuses an expiry 0, -5, 900.5 or 604801 s from now with SigningError invalid-expiry', async () => {
    for (const seconds of [0, -5, 900.5, 604801]) {
      await expect(
        ossV1PresignQuery(request, credentials, now + seconds, { time }),
        String(seconds),
      ).rejects.toMatchObject({
        name: 'SigningError',
        code: 'invalid-expiry',
      });
    }
    for (const seconds of [1, 604800]) {
      await expect(ossV1PresignQuery(request, credentials, now + seconds, { time })).resolves.toHaveProperty(
        'Signature',
      );
    }
  });
});
