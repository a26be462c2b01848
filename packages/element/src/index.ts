export { FerryUploader } from './uploader/uploader.js';
export type { ExistingFile } from './existing/existing-file.js';
export { UploadController } from './controllers/upload-controller.js';
export type { RowAction, UploaderLike, UploadSettings } from './controllers/upload-controller.js';
export type { UploaderConfig } from './controllers/uploader-config.js';
export type { ChecksumSetting } from './controllers/checksummed-uploader.js';
export { FerryUploadEvent } from './events/ferry-upload-event.js';
export { FerryAddEvent } from './events/ferry-add.js';
export { FerryRejectEvent } from './events/ferry-reject.js';
export { FerryBeforeAddEvent } from './events/ferry-before-add.js';
export type { FerryBeforeAddDetail } from './events/ferry-before-add.js';
export { FerryBeforeUploadEvent } from './events/ferry-before-upload.js';
export type { FerryBeforeUploadDetail } from './events/ferry-before-upload.js';
export { FerryStateEvent } from './events/ferry-state.js';
export { FerryProgressEvent } from './events/ferry-progress.js';
export { FerryCompleteEvent } from './events/ferry-complete.js';
export { FerryErrorEvent } from './events/ferry-error.js';
export { FerryRemoveEvent } from './events/ferry-remove.js';
export { formatBytes, formatDuration } from './format.js';
export { loadTranslation, registerTranslation, translationFor } from './localize.js';
export { en } from './translations/en.js';
export type {
  CheckTranslation,
  FailureKind,
  FileAction,
  ListTranslation,
  Translation,
} from './translations/translation.js';
export { check as checkRestrictions } from './input/restrictions.js';
export type { RejectReason, Rejection, Restrictions } from './input/restrictions.js';
