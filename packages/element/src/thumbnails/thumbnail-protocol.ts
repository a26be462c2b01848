/** Asks the thumbnail worker for a `width` px wide copy of `file`. */
export interface ThumbnailRequest {
  readonly id: number;
  readonly file: Blob;
  readonly width: number;
}

/** The worker's answer: the thumbnail, or no `blob` when the image could not be decoded. */
export interface ThumbnailResponse {
  readonly id: number;
  readonly blob?: Blob;
}
