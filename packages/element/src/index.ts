export { FerryUploader } from './uploader/uploader.js';
export { UploadController } from './controllers/upload-controller.js';
export { ferryEvent } from './events/ferry-events.js';
export type { FerryEventMap, FerryErrorDetail, FerryUploadDetail } from './events/ferry-events.js';
export { formatBytes } from './format.js';
