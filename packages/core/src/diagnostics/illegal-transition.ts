import type { FerryError } from '../errors/ferry-error.js';

/** Development builds: an illegal upload transition throws, so tests catch the bug. */
export function illegalTransition(error: FerryError): void {
  throw error;
}
