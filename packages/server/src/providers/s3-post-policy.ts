import type { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import type { PresignedPost, StorageProvider } from './provider.js';

/**
 * Presigns an S3 POST policy (a browser form upload) with the AWS SDK: the key and
 * `Content-Type` must be exactly these, and the body between `minSize` and `maxSize` bytes,
 * which the store enforces (`EntityTooLarge`, `AccessDenied`).
 */
export function s3PresignPost(client: S3Client, bucket: string): NonNullable<StorageProvider['presignPost']> {
  return async ({ key, contentType, minSize, maxSize, expiresIn }): Promise<PresignedPost> => {
    const { url, fields } = await createPresignedPost(client, {
      Bucket: bucket,
      Key: key,
      Expires: expiresIn,
      // Every field is also a condition of the policy, so the type must be exactly this one.
      Fields: { 'Content-Type': contentType },
      Conditions: [['content-length-range', minSize, maxSize]],
    });
    return { url, fields };
  };
}
