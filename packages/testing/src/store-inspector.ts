import {
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { LocalStore } from '@ferry/local-store';
import { createHash } from 'node:crypto';

/** Reads back what reached a store, through the AWS SDK (so through the store's signature checks). */
export interface StoreInspector {
  /** SHA-256 (hex) of a stored object. */
  objectSha256(key: string): Promise<string>;
  /** A stored object's bytes (base64) and the headers it is stored with (HeadObject's view). */
  storedObject(key: string): Promise<StoredObject>;
  /** The stored object's `Content-Type` and size. */
  objectHead(key: string): Promise<{ contentType: string | undefined; size: number | undefined }>;
  /** Keys of the multipart uploads still open in the bucket. */
  openMultipartUploads(): Promise<string[]>;
  /** Part numbers the store holds for the open multipart upload of `key` (none when no upload of it is open). */
  storedPartNumbers(key: string): Promise<number[]>;
  /** Stores `bytes` under `key` (a file saved before the test, as a form's existing file). */
  putObject(key: string, bytes: Uint8Array, contentType?: string): Promise<void>;
  /** Keys of the objects under `prefix`, sorted (one page: up to 1,000). */
  objectKeys(prefix?: string): Promise<string[]>;
  close(): void;
}

/** An object as the store holds it: bytes and what HeadObject says. */
export interface StoredObject {
  readonly base64: string;
  readonly contentType: string | undefined;
  readonly size: number | undefined;
  readonly metadata: Record<string, string>;
  readonly contentDisposition: string | undefined;
  readonly cacheControl: string | undefined;
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
    async storedObject(key) {
      const object = await client.send(new GetObjectCommand({ Bucket, Key: key }));
      const bytes = await object.Body!.transformToByteArray();
      return {
        base64: Buffer.from(bytes).toString('base64'),
        contentType: object.ContentType,
        size: object.ContentLength,
        metadata: object.Metadata ?? {},
        contentDisposition: object.ContentDisposition,
        cacheControl: object.CacheControl,
      };
    },
    async objectHead(key) {
      const head = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
      return { contentType: head.ContentType, size: head.ContentLength };
    },
    async openMultipartUploads() {
      const listed = await client.send(new ListMultipartUploadsCommand({ Bucket }));
      return (listed.Uploads ?? []).map((upload) => upload.Key ?? '');
    },
    async storedPartNumbers(key) {
      const listed = await client.send(new ListMultipartUploadsCommand({ Bucket, Prefix: key }));
      const upload = listed.Uploads?.find((each) => each.Key === key);
      if (!upload?.UploadId) return [];
      const parts = await client.send(new ListPartsCommand({ Bucket, Key: key, UploadId: upload.UploadId }));
      return (parts.Parts ?? []).map((part) => part.PartNumber ?? 0).sort((a, b) => a - b);
    },
    async putObject(key, bytes, contentType = 'application/octet-stream') {
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: bytes, ContentType: contentType }));
    },
    async objectKeys(prefix = '') {
      const listed = await client.send(new ListObjectsV2Command({ Bucket, Prefix: prefix }));
      return (listed.Contents ?? []).map((object) => object.Key ?? '').sort();
    },
    close: () => client.destroy(),
  };
}
