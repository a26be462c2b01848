import { ErrorCode } from '../errors/ferry-error.js';
import type { ObjectToDelete } from '../ports/endpoint.js';
import type { Transport } from '../ports/transport.js';
import { discardObject, type ObjectDeleter } from './discard-object.js';
import { IntegrityError } from './integrity-error.js';

/** The header OSS reports a stored body's CRC-64/ECMA in. */
export const CRC64_HEADER = 'x-oss-hash-crc64ecma';

/** The sentence that says why a single PUT cannot be checked. */
export const HIDDEN_CRC64 = `the bucket's CORS rule must expose ${CRC64_HEADER}`;

/** What a signed URL's body must be stored with. */
export interface ExpectedBody {
  /** The body's CRC-64/ECMA, in decimal. */
  readonly crc64: string;
  /** For a single PUT: the object it stores (deleted when it fails its check). */
  readonly object?: ObjectToDelete | undefined;
}

/** Options of {@link crc64CheckingTransport}. */
export interface Crc64CheckOptions {
  /** By signed URL: what its body must be stored with. */
  readonly expected: Map<string, ExpectedBody>;
  /** Deletes an object that failed its check; `undefined` when the endpoint cannot. */
  readonly remove: ObjectDeleter | undefined;
  /** Called when a single PUT could not be checked (a configuration problem that no retry mends). */
  readonly unverifiable: (why: string) => void;
}

/**
 * Wraps `base` so that a PUT whose URL has an entry in `expected` is compared with the
 * `x-oss-hash-crc64ecma` the store answers. A body stored damaged is an {@link IntegrityError} with
 * `resend`; a single PUT whose header CORS hides cannot be checked at all, and says so
 * (`integrity-unverifiable`; a part is still covered by the whole object's check). A single PUT's
 * object that failed or escaped its check is deleted first, so that none is left behind if the
 * upload stops here.
 */
export function crc64CheckingTransport(
  base: Transport,
  { expected, remove, unverifiable }: Crc64CheckOptions,
): Transport {
  return {
    ...(base.reportsProgress === undefined ? {} : { reportsProgress: base.reportsProgress }),
    async send(request) {
      const response = await base.send(request);
      const want = expected.get(request.url);
      if (want === undefined) return response;
      const actual = response.header?.(CRC64_HEADER) ?? null;
      const { object } = want;
      if (actual === null && request.partNumber === undefined) {
        unverifiable(HIDDEN_CRC64);
        const discarded = object && (await discardObject(remove, object));
        throw new IntegrityError(
          `The upload could not be checked: ${HIDDEN_CRC64}. ${discarded?.outcome ?? ''} Retrying cannot check it either: fix the CORS rule, or turn crc64 off.`,
          {
            code: ErrorCode.IntegrityUnverifiable,
            expected: want.crc64,
            resend: false,
            key: object?.key,
            stillStored: discarded?.stillStored,
            cause: discarded?.cause,
          },
        );
      }
      if (actual !== null && actual !== want.crc64) {
        const what = request.partNumber === undefined ? 'The upload' : `Part ${request.partNumber}`;
        // A single PUT's object is deleted before it is sent again (to the same key): should the
        // retries run out, or the user cancel, nothing damaged stays in the bucket.
        const discarded = object && (await discardObject(remove, object));
        throw new IntegrityError(
          `${what} arrived damaged: the store computed CRC-64 ${actual}, the file has ${want.crc64}.${discarded ? ` ${discarded.outcome}` : ''}`,
          {
            partNumber: request.partNumber,
            expected: want.crc64,
            actual,
            resend: true,
            key: object?.key,
            stillStored: discarded?.stillStored,
            cause: discarded?.cause,
          },
        );
      }
      expected.delete(request.url);
      return response;
    },
  };
}
