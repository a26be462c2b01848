export { Crc64, crc64, combineCrc64 } from './crc64.js';
export { Crc32c, crc32c } from './crc32c.js';
export { withChecksums, CRC64_HEADER } from './with-checksums.js';
export type { ChecksumOptions } from './with-checksums.js';
export { createWorkerHasher, createInlineHasher } from './part-hasher.js';
export type { PartHasher, WorkerHasherOptions } from './part-hasher.js';
export type { DigestAlgorithm, Digests } from './digest-blob.js';
export { IntegrityError, isIntegrityError } from './integrity-error.js';
export type { IntegrityErrorOptions } from './integrity-error.js';
