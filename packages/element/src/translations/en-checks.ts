import type { CheckTranslation, Translation } from './translation.js';

/**
 * English strings of the restrictions (the drop zone's hint, refused files, the form's validity),
 * the fallback of every language's own: loaded with the code that uses them (adding files, the
 * form, the hint), not with the drop zone.
 */
export const enChecks: CheckTranslation = {
  kinds: { image: 'Images', video: 'Videos', audio: 'Audio' },
  limitsHint: (types, maxSize) =>
    [types, maxSize && `${types ? 'up' : 'Up'} to ${maxSize} each`].filter(Boolean).join(', '),
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

/** `t` with English filling the restrictions' strings it leaves out. */
export function withCheckStrings<T extends Translation>(t: T): T & CheckTranslation {
  return { ...enChecks, ...t };
}
