// The OSS provider's own refusals and warnings, which need no store: STS credentials that have
// expired, and what V1 (which cannot sign Content-Length) says and does. The whole flow against
// the OSS contract fake is in packages/testing (oss-contract.test.ts).
import { describe, expect, it } from 'vitest';
import { isSigningError } from '../../signing-error.js';
import { createOssProvider, type OssProviderOptions } from './oss-provider.js';

const base = { bucket: 'bucket', region: 'cn-hangzhou', credentials: { accessKeyId: 'ak', accessKeySecret: 'sk' } };
const put = { key: 'a.txt', contentType: 'text/plain', contentLength: 10, expiresIn: 900 };

function provider(options: Partial<OssProviderOptions> = {}) {
  const warnings: string[] = [];
  return { warnings, oss: createOssProvider({ ...base, onWarning: (message) => warnings.push(message), ...options }) };
}

describe('OSS STS credentials', () => {
  it('refuses to sign with expired ones (SigningError credentials-expired), for PUTs, parts and GETs', async () => {
    const { oss, warnings } = provider({
      credentials: { ...base.credentials, securityToken: 'token', expiration: new Date(Date.now() - 1000) },
    });
    const attempts = [
      oss.presignPut(put),
      oss.presignPart({ key: 'a', uploadId: 'u', partNumber: 1, contentLength: 1, expiresIn: 900 }),
      oss.presignGet!({ key: 'a', expiresIn: 900 }),
    ];
    for (const attempt of attempts) {
      const error = await attempt.then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(isSigningError(error)).toBe(true);
      expect(error).toMatchObject({ code: 'credentials-expired' });
    }
    expect(warnings).toEqual([]);
  });

  it('cuts the lifetime to what is left of them, with a warning, and never signs past it', async () => {
    const { oss, warnings } = provider({
      credentials: { ...base.credentials, securityToken: 'token', expiration: new Date(Date.now() + 120_500) },
    });
    const signed = await oss.presignPut(put);
    expect(signed.expiresIn).toBeGreaterThanOrEqual(119);
    expect(signed.expiresIn).toBeLessThanOrEqual(120);
    expect(new URL(signed.url).searchParams.get('x-oss-expires')).toBe(String(signed.expiresIn));
    expect(warnings).toEqual([expect.stringMatching(/STS credentials expire in 1[12]\d s/)]);
  });
});

describe('OSS V1 and Content-Length', () => {
  it('V4 (the default) signs Content-Length: another size gives another signature', async () => {
    const { oss, warnings } = provider();
    const sign = async (contentLength: number) =>
      new URL((await oss.presignPut({ ...put, contentLength })).url).searchParams.get('x-oss-signature');
    expect(await sign(10)).not.toBe(await sign(11));
    expect(warnings).toEqual([]);
  });

  it('V1 cannot: creating a V1 provider warns, and its URL is the same whatever the size', async () => {
    const { oss, warnings } = provider({ signatureVersion: 'v1' });
    expect(warnings).toEqual([expect.stringMatching(/V1 signatures cannot bind Content-Length/)]);
    // Signed within the same second, the URLs for 10 bytes and for 5 GiB are identical.
    for (;;) {
      const second = Math.floor(Date.now() / 1000);
      const small = await oss.presignPut({ ...put, contentLength: 10 });
      const huge = await oss.presignPut({ ...put, contentLength: 5 * 1024 ** 3 });
      if (Math.floor(Date.now() / 1000) !== second) continue;
      expect(new URL(small.url).searchParams.get('Signature')).toMatch(/^[A-Za-z0-9+/]{27}=$/);
      expect(huge.url).toBe(small.url);
      break;
    }
  });
});
