import type { ListTranslation, Translation } from './translation.js';

/**
 * English strings of the list of files, the fallback of every language's own: loaded with the
 * list (the first file), not with the drop zone.
 */
export const enList: ListTranslation = {
  states: {
    queued: 'Queued',
    preparing: 'Preparing',
    uploading: 'Uploading',
    paused: 'Paused',
    completing: 'Finishing',
    done: 'Uploaded',
    error: 'Failed',
    cancelled: 'Cancelled',
  },
  actions: { pause: 'Pause', resume: 'Resume', cancel: 'Cancel', retry: 'Retry', remove: 'Remove', dismiss: 'Dismiss' },
  actionOn: (action, name) => `${enList.actions[action]} ${name}`,
  bytesOf: (done, total) => `${done} of ${total}`,
  progressOf: (name) => `${name} progress`,
  speedEta: (speed, eta) => `${speed}, ${eta} left`,
  totalProgress: 'Total progress',
  totalSummary: (stored, count, failed) =>
    `${failed > 0 ? `${failed} failed · ` : ''}${stored} of ${count} ${count === 1 ? 'file' : 'files'} stored`,
  abortRefused: (name, reason) =>
    `${name} was cancelled, but the store could not be told, so its parts may remain: ${reason}`,
  storedAs: 'Stored as',
  resized: (from, to) => `${from} → ${to}`,
  resizeNotes: {
    'resize-larger': 'Sent as it was: shrinking would have made it larger',
    'resize-undecodable': 'Sent as it was: this browser cannot read the image',
  },
  failures: {
    endpoint: 'The upload server failed the request.',
    'endpoint-unreachable': 'The upload server could not be reached. Check the connection.',
    network: 'The connection was lost while sending this file.',
    cors: 'The storage service does not accept uploads from this page (its CORS settings).',
    stalled: 'The upload stopped making progress.',
    'upload-lost': 'The storage service no longer knows this upload.',
    store: 'The storage service had a problem.',
    'store-refused': 'The storage service refused this file.',
    'signature-mismatch': 'The storage service refused the upload’s signature.',
    'url-expired': 'The upload link expired.',
    'etag-missing': 'The storage service’s settings hide what the upload needs (ETag).',
    'invalid-input': 'This file cannot be uploaded.',
    'file-unreadable': 'The file can no longer be read; it may have been moved or changed.',
    integrity: 'The stored copy does not match the file.',
    'integrity-unverifiable': 'The stored copy could not be checked: the storage service’s settings hide its checksum.',
    aborted: 'The upload was cancelled.',
    refused: 'This file was not accepted for upload.',
    unexpected: 'Something went wrong.',
  },
  retriedFailure: (reason, attempts) =>
    attempts === undefined
      ? `${reason} Trying again did not help.`
      : `${reason.replace(/\.$/, '')}; Ferry tried ${attempts === 1 ? 'once' : `${attempts} times`}.`,
  technicalDetails: 'Technical details',
  deleteFailed: (name, reason) => `${name} was not deleted and stays: ${reason}`,
  deleteRefused: 'the server did not allow it.',
  interrupted: (count) =>
    count === 1
      ? '1 upload was interrupted. Choose the same file to continue.'
      : `${count} uploads were interrupted. Choose the same files to continue.`,
  interruptedProgress: (total, done) => (done === undefined ? total : `${done} of ${total} stored`),
  discard: 'Discard',
  discardOn: (name) => `Discard ${name}`,
  discarded: (name) => `${name} discarded`,
};

/** `t` with English filling the list's strings it leaves out. */
export function withListStrings(t: Translation): Translation & ListTranslation {
  // `failures` by kind too: a language written before a kind existed shows it in English, not "undefined".
  return { ...enList, ...t, failures: { ...enList.failures, ...t.failures } };
}
