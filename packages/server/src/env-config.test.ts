import { describe, expect, it } from 'vitest';
import { readServerEnv } from './env-config.js';

describe('readServerEnv', () => {
  it('defaults to the embedded store', () => {
    expect(readServerEnv({}).provider).toBe('local');
  });

  it('reads an S3 bucket with static credentials', () => {
    const env = readServerEnv({
      FERRY_PROVIDER: 's3',
      FERRY_BUCKET: 'b',
      FERRY_REGION: 'eu-west-1',
      FERRY_ACCESS_KEY_ID: 'a',
      FERRY_SECRET_ACCESS_KEY: 's',
    });
    expect(env.s3).toEqual({
      bucket: 'b',
      region: 'eu-west-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 's' },
    });
  });

  it('reads an OSS bucket with STS credentials, a custom domain, V1 and a storage class', () => {
    const env = readServerEnv({
      FERRY_PROVIDER: 'oss',
      FERRY_BUCKET: 'b',
      FERRY_REGION: 'cn-hangzhou',
      FERRY_ACCESS_KEY_ID: 'STS.a',
      FERRY_SECRET_ACCESS_KEY: 's',
      FERRY_SESSION_TOKEN: 't',
      FERRY_SESSION_EXPIRATION: '2026-12-02T12:00:00Z',
      FERRY_ENDPOINT: 'https://files.example.com',
      FERRY_OSS_CUSTOM_DOMAIN: 'true',
      FERRY_OSS_SIGNATURE_VERSION: 'v1',
      FERRY_STORAGE_CLASS: 'IA',
    });
    expect(env.oss).toEqual({
      bucket: 'b',
      region: 'cn-hangzhou',
      credentials: {
        accessKeyId: 'STS.a',
        accessKeySecret: 's',
        securityToken: 't',
        expiration: new Date('2026-12-02T12:00:00Z'),
      },
      signatureVersion: 'v1',
      endpoint: 'https://files.example.com',
      customDomain: true,
      storageClass: 'IA',
    });
  });

  it('names what is missing or wrong', () => {
    expect(() => readServerEnv({ FERRY_PROVIDER: 'gcs' })).toThrow(/"local", "s3" or "oss"/);
    expect(() => readServerEnv({ FERRY_PROVIDER: 'oss', FERRY_BUCKET: 'b' })).toThrow(/FERRY_REGION/);
    expect(() => readServerEnv({ FERRY_PROVIDER: 'oss', FERRY_BUCKET: 'b', FERRY_REGION: 'cn-hangzhou' })).toThrow(
      /FERRY_ACCESS_KEY_ID/,
    );
    expect(() =>
      readServerEnv({
        FERRY_PROVIDER: 'oss',
        FERRY_BUCKET: 'b',
        FERRY_REGION: 'r',
        FERRY_ACCESS_KEY_ID: 'a',
        FERRY_SECRET_ACCESS_KEY: 's',
        FERRY_OSS_SIGNATURE_VERSION: 'v2',
      }),
    ).toThrow(/v4/);
  });
});
