export { FerryUploader } from './ferry-uploader.js';
