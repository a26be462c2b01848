import type { UploadSnapshot } from '@ferry/core';
import { formatBytes } from '../format.js';
import type { CheckTranslation, Translation } from '../translations/translation.js';

/** What a validator looks at: the element's uploads, the keys it would submit, and its limits. */
export interface ValidationInput {
  readonly uploads: readonly UploadSnapshot[];
  /** Keys of the stored objects: the value the form would submit. */
  readonly keys: readonly string[];
  readonly required: boolean;
  readonly maxFiles: number | undefined;
  readonly maxTotalSize: number | undefined;
  /** The strings and locale messages are written in. */
  readonly t: Translation & CheckTranslation;
  readonly locale: string;
}

/** Why the value is invalid: the `ValidityState` flag to raise and the message to show. */
export interface Invalid {
  readonly flags: ValidityStateFlags;
  readonly message: string;
}

/** One rule of the element's validity; `check` answers what is wrong, or `undefined`. */
export interface Validator {
  check(input: ValidationInput): Invalid | undefined;
}

const SETTLED: ReadonlySet<string> = new Set(['done', 'error', 'cancelled']);

/**
 * Uploads still running make the value incomplete (`customError`): a form submitted now would
 * lack their keys.
 * @example
 * ```ts
 * pendingValidator().check(input); // { flags: { customError: true }, message: 'Wait until…' } while a file uploads
 * ```
 */
export function pendingValidator(): Validator {
  return {
    check: ({ uploads, t }) =>
      uploads.some((upload) => !SETTLED.has(upload.state))
        ? { flags: { customError: true }, message: t.pending }
        : undefined,
  };
}

/**
 * `required`: at least one file must be stored (`valueMissing`).
 * @example
 * ```ts
 * requiredValidator().check({ ...input, required: true, keys: [] }); // { flags: { valueMissing: true }, … }
 * ```
 */
export function requiredValidator(): Validator {
  return {
    check: ({ required, keys, t }) =>
      required && keys.length === 0 ? { flags: { valueMissing: true }, message: t.valueMissing } : undefined,
  };
}

/**
 * `max-files`: no more stored files than allowed (`rangeOverflow`). Files past the limit are
 * refused when added; this catches files added from code through `.uploader`, and a limit
 * lowered afterwards.
 * @example
 * ```ts
 * maxFilesValidator().check({ ...input, maxFiles: 1, keys: ['a', 'b'] }); // { flags: { rangeOverflow: true }, … }
 * ```
 */
export function maxFilesValidator(): Validator {
  return {
    check: ({ keys, maxFiles, t }) =>
      maxFiles != null && keys.length > maxFiles
        ? { flags: { rangeOverflow: true }, message: t.overLimit(t.reasons['too-many'](`${maxFiles}`)) }
        : undefined,
  };
}

/**
 * `max-total-size`: the stored files together stay within it (`rangeOverflow`), for the same
 * cases as {@link maxFilesValidator}.
 * @example
 * ```ts
 * maxTotalSizeValidator().check({ ...input, maxTotalSize: 1000 }); // invalid once the stored files pass 1000 bytes
 * ```
 */
export function maxTotalSizeValidator(): Validator {
  return {
    check: ({ uploads, maxTotalSize, t, locale }) => {
      if (maxTotalSize == null) return undefined;
      const stored = uploads.reduce((sum, upload) => sum + (upload.state === 'done' ? upload.size : 0), 0);
      if (stored <= maxTotalSize) return undefined;
      return {
        flags: { rangeOverflow: true },
        message: t.overLimit(t.reasons['total-too-large'](formatBytes(maxTotalSize, locale))),
      };
    },
  };
}
