import type { Transport } from '../ports/transport.js';
import { createFetchTransport } from './fetch-transport.js';
import { createXhrTransport } from './xhr-transport.js';

/** XHR where it exists (browsers, workers: upload progress), `fetch` elsewhere (Node). */
export function createDefaultTransport(): Transport {
  return typeof XMLHttpRequest === 'function' ? createXhrTransport() : createFetchTransport();
}
