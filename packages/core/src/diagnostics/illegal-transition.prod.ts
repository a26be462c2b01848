import type { FerryError } from '../errors/ferry-error.js';

/**
 * Production builds: an illegal upload transition is reported on the console, never silently
 * ignored, and the upload stays where it was rather than failing a user's file over Ferry's bug.
 */
export function illegalTransition(error: FerryError): void {
  console.error('[ferry]', error);
}
