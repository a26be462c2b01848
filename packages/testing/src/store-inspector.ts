import { GetObjectCommand, HeadObjectCommand, ListMultipartUploadsCommand, S3Client } from '@aws-sdk/client-s3';
import type { LocalStore } from '@ferry/local-store';
import { createHash } from 'node:crypto';

/** Reads back what reached a store, through the AWS SDK (so through the store's signature checks). */
export interface StoreInspector {
  /** SHA-256 (hex) of a stored object. */
  objectSha256(key: string): Promise<string>;
  /** The stored object's `Content-Type` and size. */
  objectHead(key: string): Promise<{ contentType: string | undefined; size: number | undefined }>;
  /** Keys of the multipart uploads still open in the bucket. */
  openMultipartUploads(): Promise<string[]>;
  close(): void;
}

/** A {@link StoreInspector} for the embedded store. */
export function inspectStore(store: LocalStore): StoreInspector {
  const client = new S3Client({
    region: store.region,
    endpoint: store.endpoint,
    credentials: store.credentials,
    forcePathStyle: true,
  });
  const Bucket = store.bucket;
  return {
    async objectSha256(key) {
      const object = await client.send(new GetObjectCommand({ Bucket, Key: key }));
      return createHash('sha256')
        .update(await object.Body!.transformToByteArray())
        .digest('hex');
    },
    async objectHead(key) {
      const head = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
      return { contentType: head.ContentType, size: head.ContentLength };
    },
    async openMultipartUploads() {
      const listed = await client.send(new ListMultipartUploadsCommand({ Bucket }));
      return (listed.Uploads ?? []).map((upload) => upload.Key ?? '');
    },
    close: () => client.destroy(),
  };
}
