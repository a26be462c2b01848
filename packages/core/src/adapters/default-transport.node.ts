import type { Transport } from '../ports/transport.js';
import { createFetchTransport } from './fetch-transport.js';
import { createXhrTransport } from './xhr-transport.js';

/** Node's default: `fetch` (XHR where a polyfill provides it). */
export function createDefaultTransport(): Transport {
  return typeof XMLHttpRequest === 'function' ? createXhrTransport() : createFetchTransport();
}
