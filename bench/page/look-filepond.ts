// FilePond in a look state, with its image preview plugin (how FilePond is usually shown with
// photos). FilePond has no dark theme: it is shown as shipped on the dark page too. Its `process`
// hook, the documented way to upload through one's own code, reports the scripted progress and
// never finishes an upload that stands part way, so the state stays frozen.
import * as FilePond from 'filepond';
import 'filepond/dist/filepond.min.css';
import FilePondPluginImagePreview from 'filepond-plugin-image-preview';
import 'filepond-plugin-image-preview/dist/filepond-plugin-image-preview.min.css';
import { FAILURE, type FileStand } from './look-states.js';

FilePond.registerPlugin(FilePondPluginImagePreview);

/** The status FilePond gives a file that stands so. */
const STATUS: Record<FileStand['state'], FilePond.FileStatus> = {
  queued: FilePond.FileStatus.IDLE,
  uploading: FilePond.FileStatus.PROCESSING,
  done: FilePond.FileStatus.PROCESSING_COMPLETE,
  failed: FilePond.FileStatus.PROCESSING_ERROR,
};

/** Shows FilePond in `frame` with `files` standing as `stands` say. */
export async function showFilePond(frame: HTMLElement, files: File[], stands: readonly FileStand[]): Promise<void> {
  const input = document.createElement('input');
  input.type = 'file';
  frame.append(input);
  const shown = files.slice(0, stands.length);
  const pond = FilePond.create(input, {
    allowMultiple: true,
    // As many at once as the script has running (FilePond's default is 2).
    maxParallelUploads: 4,
    instantUpload: stands.some((stand) => stand.state !== 'queued'),
    server: {
      process: (_field, file, _metadata, load, error, progress) => {
        const stand = stands[shown.findIndex((each) => each.name === file.name)]!;
        const total = file.size;
        // FilePond takes the answers only after process() has returned.
        setTimeout(() => {
          if (stand.state === 'done') {
            progress(true, total, total);
            load('stored');
          } else if (stand.state === 'uploading' || stand.state === 'failed') {
            progress(true, Math.round(total * stand.sent), total);
            if (stand.state === 'failed') error(FAILURE);
          }
        }, 50);
        return { abort: () => {} };
      },
    },
  });
  if (shown.length > 0) await pond.addFiles(shown);
  const expected = stands.map((stand) => STATUS[stand.state]);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  while (pond.getFiles().some((file, index) => file.status !== expected[index])) await sleep(50);
  // FilePond eases its progress rings and previews in; let them settle.
  await sleep(2000);
}
