import { checkExpiresIn } from '../signing-error.js';
import { hmac, toBase64, toHex } from '../web-crypto.js';
import type { PresignedPost, StorageProvider } from './provider.js';
import type { S3Credentials } from './s3.js';

/** Where and as whom a POST policy is signed. */
export interface PostPolicySigner {
  /** The bucket's URL, which the form posts to. */
  readonly bucketUrl: string;
  readonly bucket: string;
  readonly region: string;
  readonly credentials: () => Promise<S3Credentials>;
}

/**
 * Presigns an S3 POST policy (a browser form upload), signed with SigV4 on WebCrypto: the key and
 * `Content-Type` must be exactly these, and the body between `minSize` and `maxSize` bytes, which
 * the store enforces (`EntityTooLarge`, `AccessDenied`). The policy and its signature are S3's
 * documented ones ("Browser-based uploads using POST", SigV4); aws4fetch signs requests, not forms.
 */
export function s3PresignPost(signer: PostPolicySigner): NonNullable<StorageProvider['presignPost']> {
  return async ({ key, contentType, minSize, maxSize, expiresIn }): Promise<PresignedPost> => {
    const now = new Date();
    const amzDate = now.toISOString().replace(/[-:]|\.\d{3}/g, ''); // 20261203T120000Z
    const day = amzDate.slice(0, 8);
    const { accessKeyId, secretAccessKey, sessionToken } = await signer.credentials();
    const credential = `${accessKeyId}/${day}/${signer.region}/s3/aws4_request`;
    // Every field but the policy and its signature is also a condition, so none can be changed.
    const fields: Record<string, string> = {
      bucket: signer.bucket,
      key,
      'Content-Type': contentType,
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': credential,
      'X-Amz-Date': amzDate,
      ...(sessionToken ? { 'X-Amz-Security-Token': sessionToken } : {}),
    };
    const expiration = new Date(now.getTime() + checkExpiresIn(expiresIn) * 1000).toISOString();
    const conditions = [
      ...Object.entries(fields).map(([name, value]) => ({ [name]: value })),
      ['content-length-range', minSize, maxSize],
    ];
    const policy = toBase64(JSON.stringify({ expiration, conditions }));
    let signingKey = await hmac(`AWS4${secretAccessKey}`, day);
    for (const part of [signer.region, 's3', 'aws4_request']) signingKey = await hmac(signingKey, part);
    const signature = toHex(await hmac(signingKey, policy));
    return { url: signer.bucketUrl, fields: { ...fields, Policy: policy, 'X-Amz-Signature': signature } };
  };
}
