import type { Translation } from './translation.js';

/** English, the fallback for every missing string. */
export const en: Translation = {
  $code: 'en',
  dropHint: (multiple) => (multiple ? 'Drop files here or choose files' : 'Drop a file here or choose a file'),
  chooseFolder: 'Choose a folder',
  upload: 'Upload',
  uploads: 'Uploads',
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
  actionOn: (action, name) => `${en.actions[action]} ${name}`,
  progressOf: (name) => `${name} progress`,
  bytesOf: (done, total) => `${done} of ${total}`,
  speedEta: (speed, eta) => `${speed}, ${eta} left`,
  totalProgress: 'Total progress',
  added: (count, name) => (count === 1 ? `${name} added` : `${count} files added`),
  done: (name) => `${name} uploaded`,
  failed: (name, reason) => `${name} failed: ${reason}`,
  abortRefused: (name, reason) =>
    `${name} was cancelled, but the store could not be told, so its parts may remain: ${reason}`,
  rejected: (name, reason) => `${name} not added: ${reason}`,
  reasons: {
    type: (accept) => `only ${accept} can be added`,
    'too-large': (limit) => `larger than ${limit}`,
    'too-small': (limit) => `smaller than ${limit}`,
    'too-many': (limit) => `at most ${limit} files`,
    'total-too-large': (limit) => `all files together must stay under ${limit}`,
  },
  storeDetails: 'Details from the store',
  storedAs: 'Stored as',
  valueMissing: 'Upload at least one file.',
  pending: 'Wait until the uploads have finished.',
  overLimit: (reason) => `Remove some files: ${reason}.`,
};
