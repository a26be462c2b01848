// OSS V4 (OSS4-HMAC-SHA256) against the worked examples of Alibaba Cloud's own SDK test suite:
// aliyun/alibabacloud-oss-go-sdk-v2, oss/signer/signer_test.go (TestV4AuthHeader,
// TestV4AuthHeaderToken, TestV4AuthHeaderWithAdditionalHeaders, TestV4AuthQuery,
// TestV4AuthQueryToken, TestV4AuthQueryWithAdditionalHeaders) and
// aliyun/alibabacloud-oss-python-sdk-v2, tests/unit/signer/test_v4.py. The inputs are theirs: a key with
// `+`, `-` and `/`, query parameters with `+` and `|` and empty values, headers of mixed case.
import { describe, expect, it } from 'vitest';
import type { OssRequest } from './oss-credentials.js';
import { ossV4AuthorizationHeaders, ossV4PresignQuery } from './oss-v4-signer.js';

const credentials = { accessKeyId: 'ak', accessKeySecret: 'sk' };
const withToken = { ...credentials, securityToken: 'token' };
const query = { param1: 'value1', '+param1': 'value3', '|param1': 'value4', '+param2': '', '|param2': '', param2: '' };
const request = (contentType: string, extra: Record<string, string> = {}): OssRequest => ({
  method: 'PUT',
  bucket: 'bucket',
  key: '1234+-/123/1.txt',
  query,
  headers: { 'x-oss-head1': 'value', abc: 'value', ZAbc: 'value', XYZ: 'value', 'content-type': contentType, ...extra },
});
const at = (unixSeconds: number) => new Date(unixSeconds * 1000);

describe('OSS V4 Authorization header (Go SDK v2 vectors)', () => {
  it('TestV4AuthHeader', async () => {
    const { Authorization } = await ossV4AuthorizationHeaders(
      request('text/plain', { 'x-oss-content-sha256': 'UNSIGNED-PAYLOAD' }),
      credentials,
      'cn-hangzhou',
      {
        time: at(1702743657),
      },
    );
    expect(Authorization).toBe(
      'OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,Signature=e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe',
    );
  });

  it('TestV4AuthHeaderToken: with an STS security token', async () => {
    const headers = await ossV4AuthorizationHeaders(
      request('text/plain', { 'x-oss-content-sha256': 'UNSIGNED-PAYLOAD' }),
      withToken,
      'cn-hangzhou',
      {
        time: at(1702784856),
      },
    );
    expect(headers['x-oss-security-token']).toBe('token');
    expect(headers.Authorization).toBe(
      'OSS4-HMAC-SHA256 Credential=ak/20231217/cn-hangzhou/oss/aliyun_v4_request,Signature=b94a3f999cf85bcdc00d332fbd3734ba03e48382c36fa4d5af5df817395bd9ea',
    );
  });

  it('TestV4AuthHeaderWithAdditionalHeaders: listed, default-signed and missing names', async () => {
    const expected =
      'OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,AdditionalHeaders=abc;zabc,Signature=4a4183c187c07c8947db7620deb0a6b38d9fbdd34187b6dbaccb316fa251212f';
    const signed = async (additionalHeaders: string[]) =>
      (
        await ossV4AuthorizationHeaders(
          request('text/plain', { 'x-oss-content-sha256': 'UNSIGNED-PAYLOAD' }),
          credentials,
          'cn-hangzhou',
          {
            time: at(1702747512),
            additionalHeaders,
          },
        )
      ).Authorization;
    expect(await signed(['ZAbc', 'abc'])).toBe(expected);
    expect(await signed(['x-oss-no-exist', 'ZAbc', 'x-oss-head1', 'abc'])).toBe(expected);
  });
});

describe('OSS V4 presigned query (Go SDK v2 vectors)', () => {
  it('TestV4AuthQuery', async () => {
    const { query: signed } = await ossV4PresignQuery(
      request('application/octet-stream'),
      credentials,
      'cn-hangzhou',
      599,
      {
        time: at(1702781677),
      },
    );
    expect(signed['x-oss-signature-version']).toBe('OSS4-HMAC-SHA256');
    expect(signed['x-oss-expires']).toBe('599');
    expect(signed['x-oss-credential']).toBe('ak/20231217/cn-hangzhou/oss/aliyun_v4_request');
    expect(signed['x-oss-signature']).toBe('a39966c61718be0d5b14e668088b3fa07601033f6518ac7b523100014269c0fe');
    expect(signed['x-oss-additional-headers']).toBeUndefined();
  });

  it('test_auth_query_long_expiration (Python SDK v2, tests/unit/signer/test_v4.py): a 5-day URL', async () => {
    const { query: signed } = await ossV4PresignQuery(
      request('application/octet-stream'),
      credentials,
      'cn-hangzhou',
      5 * 24 * 3600,
      { time: at(1702781677) },
    );
    expect(signed['x-oss-expires']).toBe('432000');
    expect(signed['x-oss-signature']).toBe('31029123dc7732d2d2cfd4006ea4fdb6cf86da6478f813e2bf8f87877c7b9fec');
  });

  it('TestV4AuthQueryToken: with an STS security token', async () => {
    const { query: signed } = await ossV4PresignQuery(
      request('application/octet-stream'),
      withToken,
      'cn-hangzhou',
      599,
      {
        time: at(1702785388),
      },
    );
    expect(signed['x-oss-date']).toBe('20231217T035628Z');
    expect(signed['x-oss-security-token']).toBe('token');
    expect(signed['x-oss-signature']).toBe('3817ac9d206cd6dfc90f1c09c00be45005602e55898f26f5ddb06d7892e1f8b5');
  });

  it('TestV4AuthQueryWithAdditionalHeaders: listed, default-signed and missing names', async () => {
    for (const additionalHeaders of [
      ['ZAbc', 'abc'],
      ['x-oss-no-exist', 'abc', 'x-oss-head1', 'ZAbc'],
    ]) {
      const { query: signed } = await ossV4PresignQuery(
        request('application/octet-stream'),
        credentials,
        'cn-hangzhou',
        599,
        {
          time: at(1702783809),
          additionalHeaders,
        },
      );
      expect(signed['x-oss-date']).toBe('20231217T033009Z');
      expect(signed['x-oss-additional-headers']).toBe('abc;zabc');
      expect(signed['x-oss-signature']).toBe('6bd984bfe531afb6db1f7550983a741b103a8c58e5e14f83ea474c2322dfa2b7');
    }
  });
});

// Alibaba Cloud, "Include a V4 signature in the Authorization header": the canonical URI is
// UriEncode("/" + bucket + "/" + object) with "/" left as is, and UriEncode keeps only the RFC 3986
// unreserved characters (A–Z a–z 0–9 - _ . ~). No SDK vector has such a key, so this checks the rule.
describe('OSS V4 canonical URI of keys that need encoding', () => {
  it('encodes spaces, unicode and +, keeps ~ and /', async () => {
    const signed = await ossV4AuthorizationHeaders(
      { method: 'PUT', bucket: 'bucket', key: 'a b/über+1 ~日本.txt', query: {}, headers: {} },
      credentials,
      'cn-hangzhou',
      {
        time: at(1702743657),
      },
    );
    expect(signed.canonicalRequest.split('\n')[1]).toBe('/bucket/a%20b/%C3%BCber%2B1%20~%E6%97%A5%E6%9C%AC.txt');
  });
});

describe('OSS V4 presigned expiry, checked at the signer', () => {
  it('refuses 0, -5, 900.5 and 604801 s with SigningError invalid-expiry, and takes 1 and 604800', async () => {
    for (const expiresIn of [0, -5, 900.5, 604801]) {
      await expect(
        ossV4PresignQuery(request('text/plain'), credentials, 'cn-hangzhou', expiresIn),
        String(expiresIn),
      ).rejects.toMatchObject({ name: 'SigningError', code: 'invalid-expiry' });
    }
    for (const expiresIn of [1, 604800]) {
      const { query: signed } = await ossV4PresignQuery(request('text/plain'), credentials, 'cn-hangzhou', expiresIn);
      expect(signed['x-oss-expires']).toBe(String(expiresIn));
    }
  });
});
