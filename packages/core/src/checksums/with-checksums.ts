import { createDefaultTransport } from '#default-transport';
import { createHttpEndpoint } from '../adapters/http-endpoint.js';
import { ErrorCode, FerryError } from '../errors/ferry-error.js';
import { isStoreError } from '../errors/store-error.js';
import type { ChecksumAlgorithm, Endpoint, MultipartHandle } from '../ports/endpoint.js';
import type { RetryState } from '../retry.js';
import type { UploaderOptions } from '../uploader-options.js';
import { combineCrc64 } from './crc64.js';
import { CRC64_HEADER, crc64CheckingTransport, type ExpectedBody } from './crc64-transport.js';
import type { DigestAlgorithm, Digests } from './digest-blob.js';
import { discardObject, objectDeleter } from './discard-object.js';
import { IntegrityError, isIntegrityError } from './integrity-error.js';
import { createInlineHasher, createWorkerHasher, type PartHasher } from './part-hasher.js';

/** Options of {@link withChecksums}. */
export interface ChecksumOptions {
  /**
   * A digest of every part (and single PUT) that the endpoint signs into its URL, so the store
   * itself refuses other bytes (`BadDigest`, OSS `InvalidDigest`) and they are sent again.
   * `md5` works on S3 and OSS (`Content-MD5`); `sha256` and `crc32c` on S3 (`x-amz-checksum-*`).
   * @default undefined (none)
   */
  readonly algorithm?: ChecksumAlgorithm | undefined;
  /**
   * Alibaba Cloud OSS: compare the CRC-64/ECMA the store answers (`x-oss-hash-crc64ecma`) with the
   * file's: per part and per single PUT (a damaged one is sent again), and for the whole object,
   * combined from the parts' without reading the file again. The bucket's CORS rule must expose
   * `x-oss-hash-crc64ecma`. An object that differs, or cannot be checked, is deleted (see
   * `IntegrityError`); once an object could not be checked, later uploads of the same kind
   * (single PUT or multipart) through these options fail at once with `integrity-unverifiable`
   * instead of being sent.
   * @default false
   */
  readonly crc64?: boolean | undefined;
  /** Who hashes. @default one createWorkerHasher() shared by the page where `Worker` exists, else createInlineHasher() */
  readonly hasher?: PartHasher | undefined;
}

let sharedHasher: PartHasher | undefined;

/** One worker pool for every uploader of the page (or the inline hasher where there is no `Worker`). */
function defaultHasher(): PartHasher {
  return (sharedHasher ??= typeof Worker === 'function' ? createWorkerHasher() : createInlineHasher());
}

const ALGORITHMS: readonly ChecksumAlgorithm[] = ['md5', 'sha256', 'crc32c'];

/** Where digests in progress or done are kept: a `Map` or a `WeakMap`. */
interface DigestCache<K> {
  get(key: K): Promise<Digests> | undefined;
  set(key: K, digests: Promise<Digests>): unknown;
  delete(key: K): unknown;
}

/** Store answers that say the bytes arrived damaged: the same bytes sent again can succeed. */
function damagedOnTheWay(error: unknown): boolean {
  if (isIntegrityError(error)) return error.resend;
  return (
    isStoreError(error) &&
    error.status === 400 &&
    (error.details['Code'] === 'BadDigest' || error.details['Code'] === 'InvalidDigest')
  );
}

/**
 * Turns on integrity checks for an `Uploader`: parts are hashed in a Worker just before they are
 * signed, the digest is signed into each URL, damaged parts are sent again, and on OSS the whole
 * object's CRC-64 is checked after completion (`code: 'integrity'` on a mismatch). Returns new
 * options; the ones given are left alone.
 *
 * @throws FerryError `invalid-input` when neither `algorithm` nor `crc64` is set, or the algorithm is unknown.
 * @example
 * ```ts
 * import { withChecksums } from '@ferry/core/checksums';
 * const uploader = new Uploader(withChecksums({ endpoint: '/api/uploads' }, { algorithm: 'md5', crc64: true }));
 * ```
 */
export function withChecksums(options: UploaderOptions, checksums: ChecksumOptions): UploaderOptions {
  const { algorithm, crc64 = false } = checksums;
  if (algorithm !== undefined && !ALGORITHMS.includes(algorithm)) {
    throw new FerryError(
      ErrorCode.InvalidInput,
      `checksum algorithm must be one of ${ALGORITHMS.join(', ')}, got ${algorithm}.`,
    );
  }
  if (algorithm === undefined && !crc64)
    throw new FerryError(ErrorCode.InvalidInput, 'withChecksums needs an algorithm, crc64, or both.');
  const hasher = checksums.hasher ?? defaultHasher();
  const wanted: DigestAlgorithm[] = [...(algorithm ? [algorithm] : []), ...(crc64 ? (['crc64'] as const) : [])];
  const inner = typeof options.endpoint === 'string' ? createHttpEndpoint({ url: options.endpoint }) : options.endpoint;
  // Part digests by upload id then part number, so a part signed again (expired URL) is not hashed again.
  const parts = new Map<string, Map<number, Promise<Digests>>>();
  const singles = new WeakMap<Blob, Promise<Digests>>();
  // The CRC-64 each signed URL's body must be stored with.
  const expected = new Map<string, ExpectedBody>();
  const remove = objectDeleter(options.endpoint);
  // Why uploads of each kind cannot be checked, once one could not: the store or its CORS rule,
  // not the file, is at fault, so sending any file again (a retry, the next file) would only
  // store another object that cannot be checked.
  const unverifiable: { single?: string; multipart?: string } = {};
  const refuseUnverifiable = (why: string | undefined): void => {
    if (why === undefined) return;
    throw new IntegrityError(
      `Not sent: an earlier upload through this endpoint could not be checked (${why}), and neither could this one. Fix the configuration and reload the page, or turn crc64 off.`,
      { code: ErrorCode.IntegrityUnverifiable, resend: false },
    );
  };

  /** The digests of `bytes`, hashed once per `key` in `cache`; a failed or aborted hash is not kept. */
  const digestsOf = <K>(cache: DigestCache<K>, key: K, bytes: Blob, signal: AbortSignal): Promise<Digests> => {
    let digests = cache.get(key);
    if (!digests) {
      const hashing = hasher.digest(bytes, wanted, signal);
      cache.set(key, hashing);
      hashing.catch(() => cache.get(key) === hashing && cache.delete(key));
      digests = hashing;
    }
    return digests;
  };

  const partDigests = (
    handle: MultipartHandle,
    partNumber: number,
    bytes: Blob,
    signal: AbortSignal,
  ): Promise<Digests> => {
    let upload = parts.get(handle.uploadId);
    if (!upload) {
      upload = new Map<number, Promise<Digests>>();
      parts.set(handle.uploadId, upload);
    }
    return digestsOf(upload, partNumber, bytes, signal);
  };

  const needBytes = (bytes: unknown): void => {
    if (!bytes)
      throw new FerryError(ErrorCode.Unexpected, 'withChecksums needs the bytes the engine passes to the endpoint.');
  };

  // The first digest starts the hasher (a worker, its script, WebAssembly): start it while the
  // upload is being created, with a digest of nothing, so the first part does not wait for it.
  const warmUp = (signal: AbortSignal): void => void hasher.digest(new Blob([]), wanted, signal).catch(() => undefined);

  const endpoint: Endpoint = {
    ...inner,
    async createMultipart(input, callOptions) {
      refuseUnverifiable(unverifiable.multipart);
      warmUp(callOptions.signal);
      return inner.createMultipart(input, callOptions);
    },

    async singlePutParams(input, callOptions) {
      if (crc64) refuseUnverifiable(unverifiable.single);
      needBytes(input.bytes);
      const digest = await digestsOf(singles, input.bytes!, input.bytes!, callOptions.signal);
      const params = await inner.singlePutParams(
        { ...input, checksum: algorithm ? { algorithm, value: digest[algorithm]! } : undefined },
        callOptions,
      );
      if (crc64) {
        const object = { key: params.key, deleteToken: params.deleteToken };
        expected.set(params.url, { crc64: digest.crc64!, object });
      }
      return params;
    },

    async signParts(input, callOptions) {
      needBytes(input.bytes);
      const digests = await Promise.all(
        input.partNumbers.map((n) => partDigests(input, n, input.bytes!(n), callOptions.signal)),
      );
      const checksums = algorithm && {
        algorithm,
        values: Object.fromEntries(input.partNumbers.map((n, index) => [n, digests[index]![algorithm]!])),
      };
      const signed = await inner.signParts({ ...input, checksums }, callOptions);
      for (const part of signed) {
        const crc = crc64 ? digests[input.partNumbers.indexOf(part.partNumber)]?.crc64 : undefined;
        if (crc !== undefined) expected.set(part.url, { crc64: crc });
      }
      return signed;
    },

    async completeMultipart(input, callOptions) {
      let whole: bigint | undefined;
      if (crc64) {
        needBytes(input.bytes);
        // Parts stored by an earlier session (resumed) are hashed now; the others already were.
        whole = 0n;
        for (const { partNumber } of input.parts) {
          const bytes = input.bytes!(partNumber);
          const digest = await partDigests(input, partNumber, bytes, callOptions.signal);
          whole = combineCrc64(whole, BigInt(digest.crc64!), bytes.size);
        }
      }
      const result = await inner.completeMultipart(input, callOptions);
      parts.delete(input.uploadId);
      if (whole !== undefined) {
        const want = String(whole);
        const stored = { key: result.key, deleteToken: result.deleteToken };
        if (result.crc64 === undefined) {
          const why = `the endpoint did not relay the object's CRC-64 (${CRC64_HEADER}): is the store OSS?`;
          unverifiable.multipart = why;
          // Deleted rather than kept: the user asked for verified objects, this one can never be
          // verified, and kept it would be an object no list shows (the upload is not done).
          const { outcome, stillStored, cause } = await discardObject(remove, stored);
          throw new IntegrityError(
            `${input.key} could not be checked: ${why} ${outcome} Retrying cannot check it either: fix the configuration, or turn crc64 off.`,
            {
              code: ErrorCode.IntegrityUnverifiable,
              expected: want,
              resend: false,
              key: result.key,
              stillStored,
              cause,
            },
          );
        }
        if (result.crc64 !== want) {
          const { outcome, stillStored, cause } = await discardObject(remove, stored);
          throw new IntegrityError(
            `The stored ${input.key} differs from the file: CRC-64 ${result.crc64}, expected ${want}. ${outcome} Retry to upload it again.`,
            { expected: want, actual: result.crc64, resend: false, key: result.key, stillStored, cause },
          );
        }
      }
      return result;
    },

    async abortMultipart(input, callOptions) {
      parts.delete(input.uploadId);
      return inner.abortMultipart(input, callOptions);
    },
  };

  const base = options.transport ?? createDefaultTransport();
  const transport = crc64
    ? crc64CheckingTransport(base, { expected, remove, unverifiable: (why) => (unverifiable.single = why) })
    : base;

  const userRetry = options.retry?.shouldRetry;
  return {
    ...options,
    endpoint,
    transport,
    // Hashing a whole batch delays its first PUT: sign (and hash) as many parts at a time as run at once.
    signBatchSize: options.signBatchSize ?? options.concurrency ?? 4,
    retry: {
      ...options.retry,
      shouldRetry: (state: RetryState) => userRetry?.(state) ?? (damagedOnTheWay(state.error) ? true : undefined),
    },
  };
}
