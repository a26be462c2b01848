import type { Translation } from './translation.js';

/**
 * English, the fallback for every missing string; those of the list (`enList`) and of the
 * restrictions (`enChecks`) load with the code that uses them.
 */
export const en: Translation = {
  $code: 'en',
  dropHint: (multiple) => (multiple ? 'Drop files here or choose files' : 'Drop a file here or choose a file'),
  chooseFolder: 'Choose a folder',
  upload: 'Upload',
  uploads: 'Uploads',
  added: (count, name) => (count === 1 ? `${name} added` : `${count} files added`),
  done: (count, name) => (count === 1 ? `${name} uploaded` : `${count} files uploaded`),
  cancelled: (count, name) => (count === 1 ? `${name} cancelled` : `${count} uploads cancelled`),
  removed: (count, name) => (count === 1 ? `${name} removed` : `${count} files removed`),
  failed: (name, reason) => `${name} failed: ${reason}`,
};
