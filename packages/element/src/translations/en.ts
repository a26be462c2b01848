import type { Translation } from './translation.js';

/** English, the fallback for every missing string. */
export const en: Translation = {
  $code: 'en',
  dropHint: (multiple) => (multiple ? 'Drop files here or choose files' : 'Drop a file here or choose a file'),
  kinds: { image: 'Images', video: 'Videos', audio: 'Audio' },
  limitsHint: (types, maxSize) =>
    [types, maxSize && `${types ? 'up' : 'Up'} to ${maxSize} each`].filter(Boolean).join(', '),
  chooseFolder: 'Choose a folder',
  upload: 'Upload',
  uploads: 'Uploads',
  added: (count, name) => (count === 1 ? `${name} added` : `${count} files added`),
  done: (count, name) => (count === 1 ? `${name} uploaded` : `${count} files uploaded`),
  cancelled: (count, name) => (count === 1 ? `${name} cancelled` : `${count} uploads cancelled`),
  removed: (count, name) => (count === 1 ? `${name} removed` : `${count} files removed`),
  failed: (name, reason) => `${name} failed: ${reason}`,
  rejected: (name, reason) => `${name} not added: ${reason}`,
  reasons: {
    type: (accept) => `only ${accept} can be added`,
    'too-large': (limit) => `larger than ${limit}`,
    'too-small': (limit) => `smaller than ${limit}`,
    'too-many': (limit) => `at most ${limit} files`,
    'total-too-large': (limit) => `all files together must stay under ${limit}`,
    refused: (reason) => reason,
  },
  valueMissing: 'Upload at least one file.',
  pending: 'Wait until the uploads have finished.',
  overLimit: (reason) => `Remove some files: ${reason}.`,
};
