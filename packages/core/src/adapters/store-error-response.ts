// Types only: this module is a chunk loaded on the first refusal, and a value shared with the
// bundle up front (the error classes, `ErrorCode`) would split that into a chunk of its own.
import type { ErrorCode } from '../errors/ferry-error.js';
import type { StoreErrorDetails, StoreErrorOptions } from '../errors/store-error.js';
// Development builds name the likely header; production builds carry a stub (package import conditions).
import { signatureHint } from '#signature-hint';

const DETAIL_FIELDS = ['Code', 'Message', 'StringToSign', 'CanonicalRequest', 'RequestId'] as const;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Reads the leaf fields of an S3/OSS `<Error>` document. Error documents are flat and small,
 * so a pattern per known field is exact enough and keeps an XML parser out of the bundle.
 */
export function parseStoreErrorXml(xml: string): StoreErrorDetails {
  const details: Record<string, string> = {};
  for (const field of DETAIL_FIELDS) {
    const match = new RegExp(`<${field}>([\\s\\S]*?)</${field}>`).exec(xml);
    if (match?.[1] !== undefined) {
      // S3 and OSS escape with the five named XML entities only.
      details[field] = match[1].replace(/&(\w+);/g, (entity, name: string) => ENTITIES[name] ?? entity);
    }
  }
  return details;
}

/** What a store's refusal means: the code, message and context of the `StoreError` to throw. */
export interface StoreRefusalReading {
  readonly code: ErrorCode;
  readonly message: string;
  readonly options: StoreErrorOptions;
}

/**
 * Reads a store's non-2xx answer: the right code and a useful message for its `StoreError`
 * (`storeErrorFromResponse` makes the error). `retryAfterMs` is the parsed `Retry-After`: the
 * parser lives up front (the endpoint's answers need it), and sharing it would split it off.
 */
export function readStoreErrorResponse(
  status: number,
  body: string,
  retryAfterMs: number | undefined,
  partNumber: number | undefined,
  request?: { readonly url: string; readonly headers: Readonly<Record<string, string>> },
): StoreRefusalReading {
  const details = parseStoreErrorXml(body);
  const what = partNumber === undefined ? 'The upload' : `Part ${partNumber}`;
  const storeSays = details.Code ? ` (${details.Code}: ${details.Message ?? ''})` : '';
  let code: ErrorCode = 'store';
  let advice = '';
  if (details.Code === 'SignatureDoesNotMatch') {
    code = 'signature-mismatch';
    advice =
      ' The request differs from what was signed (often Content-Type), or the key or secret is wrong. ' +
      ((request && signatureHint(request.url, request.headers)) ||
        'Compare details.StringToSign and details.CanonicalRequest.');
  } else if (details.Code === 'NoSuchUpload') {
    code = 'upload-lost';
  } else if (status === 403 && /expired/i.test(details.Message ?? '')) {
    code = 'url-expired';
  }
  return {
    code,
    message: `${what} was refused by the store with HTTP ${status}${storeSays}.${advice}`,
    options: { status, details, retryAfterMs, partNumber },
  };
}
