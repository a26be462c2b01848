import { ErrorCode, FerryError } from '../errors/ferry-error.js';

/** Development builds: an illegal upload transition throws, so tests catch the bug. */
export function illegalTransition(from: string, event: string): void {
  throw new FerryError(
    ErrorCode.Unexpected,
    `Illegal upload transition: "${event}" in state "${from}". This is a bug in Ferry; please report it.`,
  );
}
