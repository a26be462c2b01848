import type { ResolvedHandlerOptions, UploadUser } from '../handler-options.js';
import type { CompanionUploadIds } from './companion-upload-id.js';

/** What a Companion-mode route gets. */
export interface CompanionContext {
  readonly request: Request;
  readonly url: URL;
  readonly options: ResolvedHandlerOptions;
  readonly uploadIds: CompanionUploadIds;
  /** The caller, as `authorize` said. */
  readonly user: UploadUser;
  /** The `:uploadId` path segment as the client sent it (the store's id and the token), or `''`. */
  readonly uploadId: string;
}

/**
 * Uppy's metadata is the file's `meta`, whose values need not be strings (`relativePath: null`):
 * strings are kept, numbers and booleans written out, anything else left out.
 */
export function companionMetadata(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const metadata: Record<string, string> = {};
  for (const [name, entry] of Object.entries(value as Record<string, unknown>)) {
    if (typeof entry === 'string') metadata[name] = entry;
    else if (typeof entry === 'number' || typeof entry === 'boolean') metadata[name] = String(entry);
  }
  return metadata;
}
