import { GiB, KiB, MiB, profile, S3_LIMITS, TiB, type StoreProfile } from './store-limits.js';

export { S3_LIMITS } from './store-limits.js';
export type { StoreLimits, StoreProfile } from './store-limits.js';

/**
 * Alibaba Cloud OSS: parts of 100 KiB to 5 GiB (the last may be smaller; OSS checks sizes only
 * at complete), at most 10,000; objects up to 48.8 TiB, one PUT up to 5 GiB.
 */
export const OSS_LIMITS: StoreProfile = /* @__PURE__ */ profile({
  name: 'Alibaba Cloud OSS',
  minPartSize: 100 * KiB,
  maxPartSize: 5 * GiB,
  maxParts: 10_000,
  maxObjectSize: Math.floor(48.8 * TiB),
  maxSinglePut: 5 * GiB,
  equalPartSizes: false,
});

/**
 * Cloudflare R2: every part except the last must have the same size, from 5 MiB; at most
 * 10,000. Its limits page caps one request (a PUT or a part) at 5 GiB less 5 MiB and an object
 * at 5 TiB less 5 GiB, under the multipart page's "5 GiB": the lower figures are used.
 */
export const R2_LIMITS: StoreProfile = /* @__PURE__ */ profile({
  name: 'Cloudflare R2',
  minPartSize: 5 * MiB,
  maxPartSize: 5 * GiB - 5 * MiB,
  maxParts: 10_000,
  maxObjectSize: 5 * TiB - 5 * GiB,
  maxSinglePut: 5 * GiB - 5 * MiB,
  equalPartSizes: true,
});

/** MinIO: parts of 5 MiB to 5 GiB (the last from 0 B), at most 10,000; objects up to 50 TiB, one PUT up to 5 TiB. */
export const MINIO_LIMITS: StoreProfile = /* @__PURE__ */ profile({
  name: 'MinIO',
  minPartSize: 5 * MiB,
  maxPartSize: 5 * GiB,
  maxParts: 10_000,
  maxObjectSize: 50 * TiB,
  maxSinglePut: 5 * TiB,
  equalPartSizes: false,
});

/**
 * Google Cloud Storage's XML (S3-compatible) multipart API: part numbers 1 to 10,000, objects
 * and single uploads up to 5 TiB. Its quotas page holds the part sizes; S3's are assumed (5 MiB
 * to 5 GiB), as every S3 client that works with GCS uses them.
 */
export const GCS_LIMITS: StoreProfile = /* @__PURE__ */ profile({
  name: 'Google Cloud Storage',
  minPartSize: 5 * MiB,
  maxPartSize: 5 * GiB,
  maxParts: 10_000,
  maxObjectSize: 5 * TiB,
  maxSinglePut: 5 * TiB,
  equalPartSizes: false,
});

/**
 * Each supported store's multipart limits, from its own documentation:
 * - S3: https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html
 * - OSS: https://www.alibabacloud.com/help/en/oss/developer-reference/uploadpart
 * - R2: https://developers.cloudflare.com/r2/objects/multipart-objects/ and /r2/reference/limits/
 * - MinIO: https://min.io/docs/minio/linux/operations/concepts/thresholds.html
 * - GCS: https://cloud.google.com/storage/docs/xml-api/put-object-multipart and /storage/quotas
 *
 * Each is also exported on its own (`S3_LIMITS`…), so a bundle keeps only the one it uses. The planner (`planParts`) and `@ferry/server` both obey the profile of the store in
 * use: give the same one to `Uploader`'s `limits` and to the server's provider.
 */
export const STORE_PROFILES = /* @__PURE__ */ Object.freeze({
  s3: S3_LIMITS,
  oss: OSS_LIMITS,
  r2: R2_LIMITS,
  minio: MINIO_LIMITS,
  gcs: GCS_LIMITS,
});

/** The key of one of {@link STORE_PROFILES}. */
export type StoreName = keyof typeof STORE_PROFILES;
