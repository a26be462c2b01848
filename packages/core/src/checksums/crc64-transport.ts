import type { Transport } from '../ports/transport.js';
import { IntegrityError } from './integrity-error.js';

/** The header OSS reports a stored body's CRC-64/ECMA in. */
export const CRC64_HEADER = 'x-oss-hash-crc64ecma';

/**
 * Wraps `base` so that a PUT whose URL has an entry in `expected` (the CRC-64 of the body it was
 * signed for) is compared with the `x-oss-hash-crc64ecma` the store answers. A body stored damaged
 * is an {@link IntegrityError} with `resend`; a single PUT whose header CORS hides cannot be
 * checked at all, and says so (a part is still covered by the whole object's check).
 */
export function crc64CheckingTransport(base: Transport, expected: Map<string, string>): Transport {
  return {
    ...(base.reportsProgress === undefined ? {} : { reportsProgress: base.reportsProgress }),
    async send(request) {
      const response = await base.send(request);
      const want = expected.get(request.url);
      if (want === undefined) return response;
      const actual = response.header?.(CRC64_HEADER) ?? null;
      const what = request.partNumber === undefined ? 'The upload' : `Part ${request.partNumber}`;
      if (actual === null && request.partNumber === undefined) {
        throw new IntegrityError(`${what} could not be checked: the bucket's CORS rule must expose ${CRC64_HEADER}.`, {
          expected: want,
          resend: false,
        });
      }
      if (actual !== null && actual !== want) {
        throw new IntegrityError(
          `${what} arrived damaged: the store computed CRC-64 ${actual}, the file has ${want}.`,
          {
            partNumber: request.partNumber,
            expected: want,
            actual,
            resend: true,
          },
        );
      }
      expected.delete(request.url);
      return response;
    },
  };
}
