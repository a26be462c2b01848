export { Uploader } from './uploader.js';
export type { UploaderEvents } from './uploader.js';
export type { UploaderOptions, ResolvedUploaderOptions } from './uploader-options.js';
export type { UploadSource } from './file-upload.js';
export type {
  AddOptions,
  BeforeAddResult,
  BeforeUpload,
  BeforeUploadContext,
  BeforeUploadResult,
  ObjectFields,
} from './upload-hooks.js';
export { UploadState } from './upload-state.js';
export type { UploadSnapshot } from './upload-state.js';
export { planParts } from './part-plan.js';
export type { PartPlan, PlannedPart } from './part-plan.js';
// S3's limits are the default; every other store's profile (OSS_LIMITS, R2_LIMITS…), the routes
// and the wire error codes are the protocol entry, `@ferry/core/protocol`.
export { S3_LIMITS } from './protocol/store-limits.js';
export type { StoreLimits, StoreProfile } from './protocol/store-limits.js';
export type { StoreName } from './protocol/store-profiles.js';
export { decideRetry, withRetry, DEFAULT_RETRY_POLICY } from './retry.js';
export type { NetworkState, RetryPolicy, RetryState, RetryDecision, WithRetryOptions } from './retry.js';
export { delay } from './delay.js';
export { ThroughputMeter } from './throughput.js';
export type { ConcurrencyTuner } from './ports/concurrency-tuner.js';
export { ErrorCode, FerryError, isFerryError } from './errors/ferry-error.js';
export type { FerryErrorOptions } from './errors/ferry-error.js';
export { EndpointError, isEndpointError } from './errors/endpoint-error.js';
export type { EndpointOperation, EndpointErrorOptions } from './errors/endpoint-error.js';
export { StoreError, isStoreError } from './errors/store-error.js';
export { RetriesExhaustedError, isRetriesExhaustedError } from './errors/retries-exhausted-error.js';
export type { StoreErrorDetails, StoreErrorOptions } from './errors/store-error.js';
export { createHttpEndpoint } from './adapters/http-endpoint.js';
export { UPLOAD_TOKEN_HEADER } from './protocol/routes.js';
export type { HttpEndpointOptions } from './adapters/http-endpoint.js';
export { createXhrTransport } from './adapters/xhr-transport.js';
export type {
  CallOptions,
  Checksum,
  ChecksumAlgorithm,
  CompleteMultipartInput,
  CompletedObject,
  CreateMultipartInput,
  Endpoint,
  FileDescriptor,
  MultipartHandle,
  ObjectToDelete,
  SignedPart,
  SignedRequest,
  SignPartsInput,
  SinglePutInput,
  SinglePutParams,
  StoredPart,
} from './ports/endpoint.js';
export { ABORTED_BY_RUNTIME } from './ports/transport.js';
export type { ByteSource, Transport, TransportRequest, TransportResponse } from './ports/transport.js';
export type { ResumePoint, ResumableSource, ResumeStore } from './ports/resume-store.js';
