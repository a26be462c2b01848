import { ErrorCode, FerryError } from './errors/ferry-error.js';

/**
 * Checks that option or argument `name` is a whole number in `[min, max]`.
 * @throws FerryError `invalid-input` naming it, the range and the value received.
 */
export function requireRange(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new FerryError(ErrorCode.InvalidInput, `${name} must be a whole number from ${min} to ${max}, got ${value}.`);
  }
}
