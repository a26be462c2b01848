// <ferry-uploader> inside a form that edits something saved: its existing files (one with the
// thumbnail URL the page gives, kept, or one removed beside a new upload) and the uploads
// interrupted in this browser, listed after a reload. Light and dark, at 320 px and 1024 px,
// driven by FAKES (see story-frame.ts): visuals only.
import type { InterruptedUpload } from '@ferry/core/resume';
import type { ExistingFile } from '../existing/existing-file.js';
import { looks } from './story-frame.js';

const MiB = 1024 * 1024;

export default { title: 'ferry-uploader/Forms', component: 'ferry-uploader' };

/** A thumbnail as a page would give it (here drawn inline, so the story needs no server). */
const thumbnail = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" fill="#8ecae6"/><circle cx="28" cy="11" r="6" fill="#ffd54a"/><rect y="27" width="40" height="13" fill="#386641"/></svg>',
)}`;

const saved: readonly ExistingFile[] = [
  { key: 'uploads/b2/photo.jpg', name: 'photo.jpg', size: 90_112, type: 'image/jpeg', thumbnail },
  { key: 'uploads/a1/report.pdf', name: 'report.pdf', size: 48_213, type: 'application/pdf' },
  { key: 'uploads/c3/minutes.docx', name: 'minutes.docx', size: 21_504, type: 'application/msword' },
];

const keptLooks = looks('Existing files, kept', { files: saved });
export const ExistingKeptLight320 = keptLooks[0];
export const ExistingKeptDark320 = keptLooks[1];
export const ExistingKeptLight1024 = keptLooks[2];
export const ExistingKeptDark1024 = keptLooks[3];

const removedLooks = looks('Existing files, one removed and one added', {
  files: saved,
  uploads: [
    { name: 'budget.csv', type: 'text/csv', size: 12_288, state: 'done', key: 'uploads/d4/budget.csv', location: '#' },
  ],
  // Removed as a person would: its Remove button (the form value then lists it as removed).
  then: (element) =>
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part~=row] [aria-label="Remove report.pdf"]')?.click(),
});
export const ExistingRemovedLight320 = removedLooks[0];
export const ExistingRemovedDark320 = removedLooks[1];
export const ExistingRemovedLight1024 = removedLooks[2];
export const ExistingRemovedDark1024 = removedLooks[3];

const interruptedAt = Date.UTC(2026, 11, 2, 9, 30);
const oneInterrupted: readonly InterruptedUpload[] = [
  {
    id: 'fake-holiday',
    name: 'holiday-video.mp4',
    size: 740 * MiB,
    savedAt: interruptedAt,
    partCount: 93,
    partsStored: 39,
    bytesStored: 312 * MiB,
  },
];
const twoInterrupted: readonly InterruptedUpload[] = [
  ...oneInterrupted,
  // How far it got is unknown when the store could not be asked (offline): size only.
  { id: 'fake-backup', name: 'site-backup.tar', size: 2048 * MiB, savedAt: interruptedAt + 60_000, partCount: 256 },
];

const oneLooks = looks('Interrupted upload', { interrupted: oneInterrupted });
export const InterruptedOneLight320 = oneLooks[0];
export const InterruptedOneDark320 = oneLooks[1];
export const InterruptedOneLight1024 = oneLooks[2];
export const InterruptedOneDark1024 = oneLooks[3];

const twoLooks = looks('Two interrupted uploads', { interrupted: twoInterrupted });
export const InterruptedTwoLight320 = twoLooks[0];
export const InterruptedTwoDark320 = twoLooks[1];
export const InterruptedTwoLight1024 = twoLooks[2];
export const InterruptedTwoDark1024 = twoLooks[3];
