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
