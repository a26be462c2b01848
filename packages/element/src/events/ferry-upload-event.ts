import type { UploadSnapshot } from '@ferry/core';

/**
 * Base of the `<ferry-uploader>` events about one upload: `upload` is the upload as it stands
 * when the event fires (a frozen snapshot). Every one bubbles and crosses shadow roots.
 */
export abstract class FerryUploadEvent extends Event {
  /** The upload as it stands. */
  readonly upload: UploadSnapshot;

  protected constructor(type: string, upload: UploadSnapshot) {
    super(type, { bubbles: true, composed: true });
    this.upload = upload;
  }
}
