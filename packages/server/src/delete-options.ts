import type { FerryHandlerOptions, UploadUser } from './handler-options.js';

/** `deleteWindowSeconds` checked, with its default of 10 minutes. */
export function resolveDeleteWindow(seconds: number | undefined): number {
  const window = seconds ?? 600;
  if (!Number.isInteger(window) || window < 0 || window > 86_400) {
    throw new Error('deleteWindowSeconds must be a whole number of seconds from 0 to 86400 (a day).');
  }
  return window;
}

/** The `authorizeDelete` hook as the delete route calls it: refusal by default, and when it throws. */
export function deleteAuthorizer(
  hook: FerryHandlerOptions['authorizeDelete'],
): (request: Request, key: string, user: UploadUser) => Promise<boolean> {
  return async (request, key, user) => {
    if (!hook) return false;
    try {
      // Only a real `true` allows: a truthy object returned by mistake does not.
      const answer: unknown = await hook(request, key, user);
      return answer === true;
    } catch {
      return false;
    }
  };
}
