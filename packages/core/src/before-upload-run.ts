import type { UploadSource } from './file-upload.js';
import type { BeforeUpload, ObjectFields } from './upload-hooks.js';

/** What an upload is sent as once `beforeUpload` ran. */
export interface PreparedUpload {
  /** The bytes to send: the file's, or the hook's replacement. */
  readonly source: UploadSource;
  /** What is stored with the object: the `add()` options, changed by the hook. */
  readonly fields: ObjectFields;
  /** The hook's note, if any. */
  readonly note: string | undefined;
}

/**
 * Runs `hook` for `source` and merges what it returned. Loaded (a chunk of its own) only by
 * uploaders that have a `beforeUpload` hook.
 */
export async function runBeforeUpload(
  hook: BeforeUpload,
  source: UploadSource,
  fields: ObjectFields,
  signal: AbortSignal,
): Promise<PreparedUpload> {
  const changed = await hook(source, { ...fields, signal });
  signal.throwIfAborted();
  const file = changed?.file;
  const named = file as (Blob & { name?: unknown }) | undefined;
  return {
    source:
      file && file !== source
        ? {
            name: typeof named?.name === 'string' && named.name !== '' ? named.name : source.name,
            type: file.type,
            size: file.size,
            slice: (start, end) => file.slice(start, end),
          }
        : source,
    fields: {
      metadata: { ...fields.metadata, ...changed?.metadata },
      cacheControl: changed?.cacheControl ?? fields.cacheControl,
      tags: changed?.tags ?? fields.tags,
    },
    note: changed?.note,
  };
}
