export { createFerryHandler } from './handler.js';
export type { FerryHandler } from './handler.js';
export type { FerryHandlerOptions, UploadRequestFile, UploadUser } from './handler-options.js';
export { COMPANION_ROUTES } from './companion/companion-routes.js';
export type { CompanionRouteName } from './companion/companion-routes.js';
export { withCors } from './cors.js';
export type { CorsOptions } from './cors.js';
export { ServerError, ServerErrorCode, isServerError } from './errors.js';
export { SigningError, SigningErrorCode, isSigningError } from './signing-error.js';
export { createS3Provider } from './providers/s3.js';
export type { S3Credentials, S3ProviderOptions } from './providers/s3.js';
export { createOssProvider, OSS_MAX_URL_LIFETIME } from './providers/oss/oss-provider.js';
export type { OssCallback, OssProviderOptions } from './providers/oss/oss-provider.js';
export type { OssCredentials, OssRequest } from './providers/oss/oss-credentials.js';
export { ossV4AuthorizationHeaders, ossV4CanonicalRequest, ossV4PresignQuery } from './providers/oss/oss-v4-signer.js';
export type { OssV4Signature } from './providers/oss/oss-v4-signer.js';
export { ossV1AuthorizationHeaders, ossV1PresignQuery, ossV1StringToSign } from './providers/oss/oss-v1-signer.js';
export type { OssV1SignOptions } from './providers/oss/oss-v1-signer.js';
export type {
  StorageProvider,
  PresignedRequest,
  ProviderPart,
  OpenUpload,
  OpenUploadPage,
} from './providers/provider.js';
export { sweepIncompleteUploads } from './sweep-incomplete-uploads.js';
export type { SweepOptions, SweepReport } from './sweep-incomplete-uploads.js';
export { DeleteTokens } from './delete-token.js';
export type { DeleteClaims } from './delete-token.js';
export { PART_CHECKSUM_ALGORITHMS } from './part-checksum.js';
export type { PartChecksum, PartChecksumAlgorithm } from './part-checksum.js';
export { toNodeListener } from './adapters/node.js';
export { readServerEnv } from './env-config.js';
export type { ServerEnv } from './env-config.js';
export { sanitizeFileName, defaultObjectKey } from './object-key.js';
export { contentDisposition } from './object-fields/content-disposition.js';
export type { ObjectHeaders, ObjectMetadataPolicy } from './object-fields/object-metadata-policy.js';
export { UploadTokens } from './token.js';
export type { UploadClaims } from './token.js';
