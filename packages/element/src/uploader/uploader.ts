import type { FerryEventMap } from '../events/ferry-events.js';
import { FerryUploader } from './uploader.component.js';

export { FerryUploader };

if (!customElements.get('ferry-uploader')) customElements.define('ferry-uploader', FerryUploader);

declare global {
  interface HTMLElementTagNameMap {
    'ferry-uploader': FerryUploader;
  }
  interface HTMLElementEventMap extends FerryEventMap {}
}
