import { FerryUploader } from './uploader.component.js';

export { FerryUploader };

if (!customElements.get('ferry-uploader')) customElements.define('ferry-uploader', FerryUploader);

declare global {
  interface HTMLElementTagNameMap {
    'ferry-uploader': FerryUploader;
  }
}
