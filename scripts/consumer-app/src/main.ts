// A stranger's page: the element and the engine as installed from the packed tarballs, bundled
// by Vite. The signing endpoint's URL comes in the page's query (?endpoint=...).
import '@ferry/element';
import { FerryUploader, formatBytes } from '@ferry/element';
import { UploadState, Uploader, type UploadSnapshot } from '@ferry/core';

const element = document.querySelector('ferry-uploader');
if (!(element instanceof FerryUploader)) throw new Error('<ferry-uploader> is not registered');
const endpoint = new URLSearchParams(location.search).get('endpoint') ?? '/api/uploads';
// An Uploader of the page's own: the element must take the @ferry/core the page imports.
const uploader = new Uploader({ endpoint, partSize: 5 * 1024 * 1024 });
uploader.on('error', ({ error }) => console.error(error.code, error.message));
element.uploader = uploader;

const stored = document.querySelector('#stored')!;
element.addEventListener('ferry-complete', (event) => {
  const upload: UploadSnapshot = event.upload;
  const item = document.createElement('li');
  item.textContent = upload.key ?? '';
  item.dataset['name'] = upload.name;
  item.dataset['method'] = upload.method;
  item.dataset['done'] = String(upload.state === UploadState.Done);
  item.title = formatBytes(upload.size);
  stored.append(item);
});
const errors = document.querySelector('#errors')!;
element.addEventListener('ferry-error', (event) => {
  const item = document.createElement('li');
  item.textContent = `${event.upload.name}: ${event.error.code}: ${event.error.message}`;
  errors.append(item);
});

/** Never called: fails the typecheck if the published types were loose (`any`) or wrong. */
export function typesAreStrict(uploaderElement: FerryUploader): void {
  // @ts-expect-error endpoint is a string
  uploaderElement.endpoint = 42;
  uploaderElement.addEventListener('ferry-progress', (event) => {
    // @ts-expect-error bytesSent is a number
    const sent: string = event.upload.bytesSent;
    console.log(sent);
  });
  // @ts-expect-error the tag map knows <ferry-uploader> and nothing called <ferry-uploaderx>
  const typo: FerryUploader = document.createElement('ferry-uploaderx');
  console.log(typo);
}
