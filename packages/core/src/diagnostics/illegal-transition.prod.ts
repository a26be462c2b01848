/**
 * Production builds: an illegal upload transition is reported on the console, never silently
 * ignored, and the upload stays where it was rather than failing a user's file over Ferry's bug.
 */
export function illegalTransition(from: string, event: string): void {
  console.error(
    `[ferry] Illegal upload transition: "${event}" in state "${from}". This is a bug in Ferry; please report it.`,
  );
}
