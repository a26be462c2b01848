export { withResize, resizeBeforeUpload, RESIZE_LARGER, RESIZE_UNDECODABLE } from './with-resize.js';
export type { ResizeOptions } from './with-resize.js';
export { createImageResizer } from './image-resizer.js';
export type { ImageResizer, ImageResizerOptions } from './image-resizer.js';
export { canEncode } from './resize-image.js';
export type { ResizeOutcome, ResizeSettings } from './resize-image.js';
