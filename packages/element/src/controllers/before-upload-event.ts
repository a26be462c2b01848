import { ErrorCode, FerryError, type BeforeUpload } from '@ferry/core';
import { FerryBeforeUploadEvent } from '../events/ferry-before-upload.js';

/**
 * The core `beforeUpload` hook of an element: dispatches a cancelable `ferry-before-upload` on
 * `host`, waits for the work its listeners asked for, and hands what they changed to the engine.
 * @example
 * ```ts
 * new Uploader({ endpoint, beforeUpload: beforeUploadEvent(element) });
 * ```
 */
export function beforeUploadEvent(host: HTMLElement): BeforeUpload {
  return async (file, fields) => {
    const bytes: Blob =
      file instanceof Blob ? file : new File([file.slice(0, file.size)], file.name, { type: file.type });
    const event = new FerryBeforeUploadEvent(bytes, {
      metadata: { ...fields.metadata },
      cacheControl: fields.cacheControl,
      tags: fields.tags && { ...fields.tags },
    });
    host.dispatchEvent(event);
    await event.work.settled();
    const { detail } = event;
    if (event.defaultPrevented)
      throw new FerryError(ErrorCode.Refused, detail.reason || `The upload of ${file.name} was refused.`);
    return {
      ...(detail.file === bytes ? {} : { file: detail.file }),
      metadata: detail.metadata,
      cacheControl: detail.cacheControl,
      tags: detail.tags,
    };
  };
}
