// Every state of <ferry-uploader>, light and dark, at 320 px and at 1024 px: the matrix the look is
// judged on. Driven by a FAKE in-memory uploader (visuals only; uploads are tested against the
// real store elsewhere). Dark stories sit on a page whose color-scheme is dark: the element follows it.
import { StoreError } from '@ferry/core';
import { drawnPhoto } from '@ferry/testing/drawn-photo';
import type { FakeUpload } from './fake-uploader.js';
import { looks } from './story-frame.js';

const MiB = 1024 * 1024;

export default { title: 'ferry-uploader/Looks', component: 'ferry-uploader' };

/** A drawn photo as a picked file. */
const photo = async (name: string, hue: number): Promise<File> =>
  new File([await drawnPhoto(hue)], name, { type: 'image/jpeg' });

const uploading: readonly FakeUpload[] = [
  {
    name: 'holiday-video.mp4',
    type: 'video/mp4',
    size: 740 * MiB,
    state: 'uploading',
    bytesSent: 312 * MiB,
    speed: 21 * MiB,
    eta: 20,
  },
  {
    name: 'raw-photos.zip',
    type: 'application/zip',
    size: 96 * MiB,
    state: 'uploading',
    bytesSent: 80 * MiB,
    speed: 9.5 * MiB,
    eta: 2,
  },
  { name: 'interview.mp3', type: 'audio/mpeg', size: 18 * MiB, state: 'preparing' },
  {
    name: 'notes.txt',
    type: 'text/plain',
    size: 3 * 1024,
    state: 'done',
    key: 'uploads/8d2e/notes.txt',
    location: '#',
  },
];

const serverTrouble = new StoreError('store', 'The store answered HTTP 500 to the PUT of the whole file.', {
  status: 500,
  details: { Code: 'InternalError', Message: 'We encountered an internal error. Please try again.' },
});

const emptyLooks = looks('Empty, restricted', {
  accept: 'image/*,.pdf',
  maxFileSize: 10 * MiB,
});
export const EmptyLight320 = emptyLooks[0];
export const EmptyDark320 = emptyLooks[1];
export const EmptyLight1024 = emptyLooks[2];
export const EmptyDark1024 = emptyLooks[3];
const dragLooks = looks('Drag over', {
  then: (element) => {
    element
      .shadowRoot!.querySelector('.dropzone')!
      .dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true }));
  },
});
export const DragLight320 = dragLooks[0];
export const DragDark320 = dragLooks[1];
export const DragLight1024 = dragLooks[2];
export const DragDark1024 = dragLooks[3];
const queuedLooks = looks('Queued', {
  manual: true,
  uploads: [
    { name: 'contract.pdf', type: 'application/pdf', size: 2 * MiB, state: 'queued' },
    { name: 'scan-02.pdf', type: 'application/pdf', size: 12 * MiB, state: 'queued' },
  ],
});
export const QueuedLight320 = queuedLooks[0];
export const QueuedDark320 = queuedLooks[1];
export const QueuedLight1024 = queuedLooks[2];
export const QueuedDark1024 = queuedLooks[3];
const uploadingLooks = looks('Uploading', {
  uploads: uploading,
});
export const UploadingLight320 = uploadingLooks[0];
export const UploadingDark320 = uploadingLooks[1];
export const UploadingLight1024 = uploadingLooks[2];
export const UploadingDark1024 = uploadingLooks[3];
const pausedLooks = looks('Paused', {
  uploads: [{ name: 'backup.tar', type: 'application/x-tar', size: 2048 * MiB, state: 'paused', bytesSent: 900 * MiB }],
});
export const PausedLight320 = pausedLooks[0];
export const PausedDark320 = pausedLooks[1];
export const PausedLight1024 = pausedLooks[2];
export const PausedDark1024 = pausedLooks[3];
const failedLooks = looks('Failed', {
  uploads: [
    {
      name: 'photo.png',
      type: 'image/png',
      size: 24 * MiB,
      state: 'error',
      method: 'single',
      bytesSent: 24 * MiB,
      error: serverTrouble,
    },
  ],
});
export const FailedLight320 = failedLooks[0];
export const FailedDark320 = failedLooks[1];
export const FailedLight1024 = failedLooks[2];
export const FailedDark1024 = failedLooks[3];
// One failed among stored files, with a name too long for its row: the total says what happened
// ("1 failed · 2 of 3 files stored") in the failure's colour, and the name keeps its extension.
const failedAmongStoredLooks = looks('Failed among stored', {
  uploads: [
    { name: 'report.pdf', type: 'application/pdf', size: 1.2 * MiB, state: 'done', key: 'uploads/1b7c/report.pdf' },
    { name: 'data.csv', type: 'text/csv', size: 340 * 1024, state: 'done', key: 'uploads/93aa/data.csv' },
    {
      name: 'Annual general meeting minutes and appendices, final version approved by the board (2026).docx',
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      size: 126 * 1024,
      state: 'error',
      method: 'single',
      bytesSent: 126 * 1024,
      error: serverTrouble,
    },
  ],
});
export const FailedAmongStoredLight320 = failedAmongStoredLooks[0];
export const FailedAmongStoredDark320 = failedAmongStoredLooks[1];
export const FailedAmongStoredLight1024 = failedAmongStoredLooks[2];
export const FailedAmongStoredDark1024 = failedAmongStoredLooks[3];
const cancelledLooks = looks('Cancelled', {
  uploads: [{ name: 'draft.docx', type: 'application/msword', size: 1, state: 'cancelled', bytesSent: 1 }],
});
export const CancelledLight320 = cancelledLooks[0];
export const CancelledDark320 = cancelledLooks[1];
export const CancelledLight1024 = cancelledLooks[2];
export const CancelledDark1024 = cancelledLooks[3];
const refusedAbortLooks = looks('Cancel the store was not told of', {
  refuseAbort: true,
  uploads: [
    { name: 'site-backup.tar', size: 900 * MiB, state: 'uploading', bytesSent: 420 * MiB, speed: 12 * MiB, eta: 40 },
  ],
  then: (element) => element.shadowRoot!.querySelector<HTMLButtonElement>('[part~=cancel]')?.click(),
});
export const RefusedAbortLight320 = refusedAbortLooks[0];
export const RefusedAbortDark320 = refusedAbortLooks[1];
export const RefusedAbortLight1024 = refusedAbortLooks[2];
export const RefusedAbortDark1024 = refusedAbortLooks[3];
const doneLooks = looks('Done', {
  uploads: [
    {
      name: 'report.pdf',
      type: 'application/pdf',
      size: 1.2 * MiB,
      state: 'done',
      key: 'uploads/1b7c/report.pdf',
      location: '#',
    },
    {
      name: 'data.csv',
      type: 'text/csv',
      size: 340 * 1024,
      state: 'done',
      key: 'uploads/93aa/data.csv',
      location: '#',
    },
  ],
});
export const DoneLight320 = doneLooks[0];
export const DoneDark320 = doneLooks[1];
export const DoneLight1024 = doneLooks[2];
export const DoneDark1024 = doneLooks[3];
const rejectedLooks = looks('Refused files', {
  accept: 'image/*',
  maxFileSize: 10 * MiB,
  then: (element) =>
    element.addFiles([
      new File(['x'], 'setup.exe', { type: 'application/x-msdownload' }),
      new File([new Uint8Array(11 * MiB)], 'huge.png', { type: 'image/png' }),
    ]),
});
export const RejectedLight320 = rejectedLooks[0];
export const RejectedDark320 = rejectedLooks[1];
export const RejectedLight1024 = rejectedLooks[2];
export const RejectedDark1024 = rejectedLooks[3];
const thumbnailsLooks = looks('Thumbnails', {
  then: async (element) =>
    element.addFiles([
      await photo('beach.jpg', 200),
      await photo('forest.jpg', 100),
      new File(['x'], 'broken.png', { type: 'image/png' }),
    ]),
});
export const ThumbnailsLight320 = thumbnailsLooks[0];
export const ThumbnailsDark320 = thumbnailsLooks[1];
export const ThumbnailsLight1024 = thumbnailsLooks[2];
export const ThumbnailsDark1024 = thumbnailsLooks[3];
