import {
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import type { StoreAccess } from './kit-options.js';

/** A stored object as the store returns it. */
export interface StoredObject {
  /** SHA-256 of its bytes, hex. */
  readonly sha256: string;
  readonly size: number;
  readonly contentType: string | undefined;
}

const isMissing = (error: unknown): boolean =>
  error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404);

/**
 * Reads the store behind the backend with its own credentials, to see what the backend's URLs
 * really did: objects, open multipart uploads, and the store's own ListParts pages.
 */
export class StoreReader {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(store: StoreAccess) {
    this.bucket = store.bucket;
    this.client = new S3Client({
      region: store.region,
      // Only what an operation requires: the SDK's default CRC headers would be read back as data.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(store.endpoint === undefined ? {} : { endpoint: store.endpoint }),
      forcePathStyle: store.forcePathStyle,
      ...(store.credentials === undefined ? {} : { credentials: store.credentials }),
    });
  }

  /** The object at `key`, hashed as it streams in (objects may be large), or `undefined` when there is none. */
  async object(key: string): Promise<StoredObject | undefined> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of answer.Body as AsyncIterable<Uint8Array>) {
        hash.update(chunk);
        size += chunk.length;
      }
      return { sha256: hash.digest('hex'), size, contentType: answer.ContentType };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  /** Whether an object exists at `key`. */
  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  /** The user metadata of the object at `key` (names in lower case, as S3 keeps them), or `undefined` when there is none. */
  async metadata(key: string): Promise<Record<string, string> | undefined> {
    try {
      const answer = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return answer.Metadata ?? {};
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  /** The ids of the multipart uploads open for exactly `key` (ListMultipartUploads). */
  async openUploads(key: string): Promise<string[]> {
    const answer = await this.client.send(new ListMultipartUploadsCommand({ Bucket: this.bucket, Prefix: key }));
    return (answer.Uploads ?? []).filter((upload) => upload.Key === key).map((upload) => upload.UploadId ?? '');
  }

  /** The first page of the store's own ListParts, as a backend that does not follow pages sees it. */
  async firstPartsPage(key: string, uploadId: string): Promise<{ partNumbers: number[]; truncated: boolean }> {
    const answer = await this.client.send(new ListPartsCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId }));
    return {
      partNumbers: (answer.Parts ?? []).map((part) => part.PartNumber ?? 0),
      truncated: answer.IsTruncated === true,
    };
  }

  /** Closes the client's sockets. */
  close(): void {
    this.client.destroy();
  }
}
