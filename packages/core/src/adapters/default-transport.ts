import { ErrorCode, FerryError } from '../errors/ferry-error.js';
import type { Transport } from '../ports/transport.js';
import { createXhrTransport } from './xhr-transport.js';

/**
 * The browser's default: XHR, the only API that reports upload progress. (Node gets
 * `default-transport.node.ts` through the package's `#default-transport` import condition.)
 */
export function createDefaultTransport(): Transport {
  if (typeof XMLHttpRequest !== 'function') {
    throw new FerryError(
      ErrorCode.InvalidInput,
      "No XMLHttpRequest: pass createFetchTransport() from '@ferry/core/fetch'.",
    );
  }
  return createXhrTransport();
}
