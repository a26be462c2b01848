// Uppy 6's Dashboard in a look state, as an application sets it up inline (default options; its
// own dark theme where the page is dark). An uploader registered through Uppy's plugin API
// (`addUploader`) reports the scripted progress with the events a real uploader plugin emits,
// and never finishes an upload that stands part way, so the state stays frozen.
import Uppy, { type UppyFile } from '@uppy/core';
import Dashboard from '@uppy/dashboard';
import '@uppy/core/css/style.min.css';
import '@uppy/dashboard/css/style.min.css';
import { FAILURE, type FileStand } from './look-states.js';

type LookFile = UppyFile<Record<string, unknown>, Record<string, never>>;

/** Shows the Dashboard in `frame` with `files` standing as `stands` say. */
export async function showUppy(
  frame: HTMLElement,
  files: File[],
  stands: readonly FileStand[],
  dark: boolean,
): Promise<void> {
  const uppy = new Uppy<Record<string, unknown>, Record<string, never>>().use(Dashboard, {
    inline: true,
    target: frame,
    width: '100%',
    theme: dark ? 'dark' : 'light',
  });
  uppy.addUploader(async (fileIds) => {
    const list = fileIds.map((id) => uppy.getFile(id)) as LookFile[];
    uppy.emit('upload-start', list);
    list.forEach((file, index) => {
      const stand = stands[index]!;
      const total = file.size ?? 0;
      const sent = stand.state === 'done' ? total : 'sent' in stand ? Math.round(total * stand.sent) : 0;
      uppy.emit('upload-progress', file, { uploadStarted: Date.now(), bytesUploaded: sent, bytesTotal: total });
      if (stand.state === 'done') uppy.emit('upload-success', file, { status: 200, body: {}, uploadURL: '#' });
      if (stand.state === 'failed') uppy.emit('upload-error', file, new Error(FAILURE), { status: 500, body: {} });
    });
    // An upload part way never ends.
    if (stands.some((stand) => stand.state === 'uploading')) await new Promise(() => {});
  });
  for (const file of files.slice(0, stands.length)) uppy.addFile({ name: file.name, type: file.type, data: file });
  if (stands.some((stand) => stand.state !== 'queued')) void uppy.upload();
  // Thumbnails are made after adding; let them and Uppy's throttled totals land.
  await new Promise((resolve) => setTimeout(resolve, 1500));
}
