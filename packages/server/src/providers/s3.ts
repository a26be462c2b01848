import { STORE_PROFILES, type StoreProfile } from '@ferry/core/protocol';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  ListPartsCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { PartChecksum } from '../part-checksum.js';
import type { ProviderPart, StorageProvider } from './provider.js';
import { s3PresignPost } from './s3-post-policy.js';

/** Options of {@link createS3Provider}. */
export interface S3ProviderOptions {
  /** The bucket. */
  readonly bucket: string;
  /** The bucket's region. @default 'us-east-1' */
  readonly region?: string;
  /** A custom endpoint (MinIO, R2, Ceph, the local store). @default AWS's */
  readonly endpoint?: string;
  /** Path-style URLs (`endpoint/bucket/key`), which most S3-compatible stores want. @default true with an endpoint */
  readonly forcePathStyle?: boolean;
  /** Credentials. @default the AWS SDK's default chain (environment, profile, instance role) */
  readonly credentials?: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
  };
  /** The store's limits: `STORE_PROFILES.r2`, `.minio`, `.gcs` for those stores. @default STORE_PROFILES.s3 */
  readonly profile?: StoreProfile;
}

/** The header that carries each part checksum algorithm to S3. */
const S3_CHECKSUM_HEADER = {
  md5: 'Content-MD5',
  sha256: 'x-amz-checksum-sha256',
  crc32c: 'x-amz-checksum-crc32c',
} as const;

/**
 * What a checksum adds to a presigned PUT: the SDK command field that carries it, the header name
 * to keep signed (not hoisted into the query, so the browser sends it and the store compares it
 * with the bytes), and that header as the browser must send it.
 */
function checksumSigning(checksum: PartChecksum | undefined): {
  fields: { ContentMD5?: string; ChecksumSHA256?: string; ChecksumCRC32C?: string };
  signed: string[];
  headers: Record<string, string>;
} {
  if (!checksum) return { fields: {}, signed: [], headers: {} };
  const { algorithm, value } = checksum;
  const header = S3_CHECKSUM_HEADER[algorithm];
  const fields =
    algorithm === 'md5'
      ? { ContentMD5: value }
      : algorithm === 'sha256'
        ? { ChecksumSHA256: value }
        : { ChecksumCRC32C: value };
  return { fields, signed: [header.toLowerCase()], headers: { [header]: value } };
}

/** The SDK client the provider signs and calls with (shared with the conformance tests). */
export function s3ClientFor(options: S3ProviderOptions): S3Client {
  return new S3Client({
    region: options.region ?? 'us-east-1',
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: options.forcePathStyle ?? true } : {}),
    ...(options.forcePathStyle === undefined ? {} : { forcePathStyle: options.forcePathStyle }),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
}

/**
 * A {@link StorageProvider} for S3 and S3-compatible stores, signing with the AWS SDK's SigV4
 * presigner. Checksums are only computed when an operation requires them: otherwise presigned
 * PUT URLs would carry the CRC of an empty body, which S3 rejects.
 *
 * @example
 * ```ts
 * const provider = createS3Provider({ bucket: 'uploads', region: 'eu-west-1' });
 * ```
 */
export function createS3Provider(options: S3ProviderOptions): StorageProvider {
  const client = s3ClientFor(options);
  const Bucket = options.bucket;

  return {
    profile: options.profile ?? STORE_PROFILES.s3,

    async presignPut({ key, contentType, contentLength, expiresIn, checksum }) {
      const sum = checksumSigning(checksum);
      const command = new PutObjectCommand({
        Bucket,
        Key: key,
        ContentType: contentType,
        ContentLength: contentLength,
        ...sum.fields,
      });
      const signed = new Set(['content-type', 'content-length', ...sum.signed]);
      const url = await getSignedUrl(client, command, {
        expiresIn,
        signableHeaders: signed,
        unhoistableHeaders: signed,
      });
      return { url, headers: { 'Content-Type': contentType, ...sum.headers } };
    },

    presignPost: s3PresignPost(client, Bucket),

    async presignGet({ key, expiresIn }) {
      return {
        url: await getSignedUrl(client, new GetObjectCommand({ Bucket, Key: key }), { expiresIn }),
        headers: {},
      };
    },

    async createMultipart({ key, contentType }) {
      const { UploadId } = await client.send(
        new CreateMultipartUploadCommand({ Bucket, Key: key, ContentType: contentType }),
      );
      if (!UploadId) throw new Error('The store created a multipart upload without an UploadId.');
      return UploadId;
    },

    partChecksums: ['md5', 'sha256', 'crc32c'],

    async presignPart({ key, uploadId, partNumber, contentLength, expiresIn, checksum }) {
      const sum = checksumSigning(checksum);
      const command = new UploadPartCommand({
        Bucket,
        Key: key,
        UploadId: uploadId,
        PartNumber: partNumber,
        ContentLength: contentLength,
        ...sum.fields,
      });
      const signed = new Set([...(contentLength === undefined ? [] : ['content-length']), ...sum.signed]);
      const url = await getSignedUrl(client, command, {
        expiresIn,
        signableHeaders: signed,
        unhoistableHeaders: signed,
      });
      return { url, headers: sum.headers };
    },

    async listParts({ key, uploadId }) {
      const parts: ProviderPart[] = [];
      let marker: string | undefined;
      do {
        const page = await client.send(
          new ListPartsCommand({
            Bucket,
            Key: key,
            UploadId: uploadId,
            ...(marker ? { PartNumberMarker: marker } : {}),
          }),
        );
        for (const part of page.Parts ?? []) {
          parts.push({ partNumber: part.PartNumber ?? 0, size: part.Size ?? 0, etag: part.ETag ?? '' });
        }
        marker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
      } while (marker);
      return parts;
    },

    async completeMultipart({ key, uploadId, parts }) {
      const result = await client.send(
        new CompleteMultipartUploadCommand({
          Bucket,
          Key: key,
          UploadId: uploadId,
          MultipartUpload: { Parts: parts.map((part) => ({ PartNumber: part.partNumber, ETag: part.etag })) },
        }),
      );
      return { location: result.Location ?? '', etag: result.ETag };
    },

    async abortMultipart({ key, uploadId }) {
      await client.send(new AbortMultipartUploadCommand({ Bucket, Key: key, UploadId: uploadId }));
    },
  };
}
