// Every visual state of <ferry-uploader>, driven by a FAKE in-memory uploader (visuals only: the
// upload paths are tested against the real store in the component and end-to-end tests).
import { html, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { FerryUploader } from '../uploader/uploader.js';
import { FakeUploader, signatureMismatch, type FakeUpload } from './fake-uploader.js';

const MiB = 1024 * 1024;

export default {
  title: 'ferry-uploader',
  component: 'ferry-uploader',
  tags: ['autodocs'],
};

interface Story {
  readonly name?: string;
  readonly render: () => TemplateResult;
}

/** The element with a fake uploader holding `uploads`, inside an optional wrapper's attributes. */
function uploader(
  uploads: readonly FakeUpload[],
  attributes: { multiple?: boolean; manual?: boolean; theme?: string } = {},
): TemplateResult {
  return html`<ferry-uploader
    ?multiple=${attributes.multiple ?? true}
    ?manual=${attributes.manual ?? false}
    theme=${attributes.theme ?? 'auto'}
    .uploader=${new FakeUploader(uploads)}
  ></ferry-uploader>`;
}

const several: readonly FakeUpload[] = [
  { name: 'holiday-video.mp4', size: 740 * MiB, state: 'uploading', bytesSent: 312 * MiB, speed: 21 * MiB, eta: 20 },
  { name: 'raw-photos.zip', size: 96 * MiB, state: 'uploading', bytesSent: 80 * MiB, speed: 9.5 * MiB, eta: 2 },
  { name: 'notes.txt', size: 3 * 1024, state: 'done', key: 'uploads/8d2e…/notes.txt', location: '#' },
];

export const Empty: Story = { render: () => uploader([]) };

export const DragOver: Story = {
  name: 'Drag over',
  render: () =>
    html`<ferry-uploader
      multiple
      .uploader=${new FakeUploader()}
      ${ref((element) => {
        if (!(element instanceof FerryUploader)) return;
        void element.updateComplete.then(() =>
          element
            .shadowRoot!.querySelector('.dropzone')!
            .dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true })),
        );
      })}
    ></ferry-uploader>`,
};

export const Queued: Story = {
  render: () =>
    uploader(
      [
        { name: 'contract.pdf', size: 2 * MiB, state: 'queued' },
        { name: 'scan-02.pdf', size: 12 * MiB, state: 'queued' },
      ],
      { manual: true },
    ),
};

export const SeveralUploading: Story = { name: 'Several uploading', render: () => uploader(several) };

export const Paused: Story = {
  render: () => uploader([{ name: 'backup.tar', size: 2048 * MiB, state: 'paused', bytesSent: 900 * MiB }]),
};

export const ErrorWith403: Story = {
  name: 'Error with 403 details',
  render: () =>
    uploader([{ name: 'photo.png', size: 24 * MiB, state: 'error', bytesSent: 16 * MiB, error: signatureMismatch() }]),
};

export const CancelRefused: Story = {
  name: 'Cancel the store was not told of',
  render: () =>
    html`<ferry-uploader
      .uploader=${new FakeUploader([{ name: 'site-backup.tar', size: 900 * MiB, state: 'uploading', bytesSent: 420 * MiB, speed: 12 * MiB, eta: 40 }], { refuseAbort: true })}
      ${ref((element) => {
        if (!(element instanceof FerryUploader)) return;
        void element.updateComplete.then(() =>
          element.shadowRoot!.querySelector<HTMLButtonElement>('[part~=cancel]')?.click(),
        );
      })}
    ></ferry-uploader>`,
};

export const Done: Story = {
  render: () =>
    uploader([
      { name: 'report.pdf', size: 1.2 * MiB, state: 'done', key: 'uploads/1b7c…/report.pdf', location: '#' },
      { name: 'data.csv', size: 340 * 1024, state: 'done', key: 'uploads/93aa…/data.csv', location: '#' },
    ]),
};

export const Rejected: Story = {
  name: 'Rejected files',
  render: () =>
    html`<ferry-uploader
      multiple
      accept="image/*"
      max-file-size="10485760"
      .uploader=${new FakeUploader()}
      ${ref((element) => {
        if (!(element instanceof FerryUploader)) return;
        element.addFiles([
          new File(['x'], 'setup.exe', { type: 'application/x-msdownload' }),
          new File([new Uint8Array(11 * MiB)], 'huge.png', { type: 'image/png' }),
        ]);
      })}
    ></ferry-uploader>`,
};

export const Dark: Story = {
  render: () => html`<div style="background:#1f1f1f;padding:1rem">${uploader(several, { theme: 'dark' })}</div>`,
};

export const RightToLeft: Story = {
  name: 'Right to left',
  render: () => html`<div dir="rtl" lang="ar">${uploader(several)}</div>`,
};

export const Chinese: Story = {
  name: 'zh-CN',
  render: () => html`<div lang="zh-CN">${uploader(several)}</div>`,
};

export const Narrow: Story = {
  name: 'Narrow (320 px)',
  render: () => html`<div style="inline-size:320px">${uploader(several)}</div>`,
};
