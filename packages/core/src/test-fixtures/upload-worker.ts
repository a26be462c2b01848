// A module Worker that uploads the File it is sent with @ferry/core and reports the outcome.
import { Uploader } from '../index.js';

interface Job {
  readonly endpoint: string;
  readonly file: File;
}

self.onmessage = (event: MessageEvent<Job>) => {
  const { endpoint, file } = event.data;
  const uploader = new Uploader({ endpoint, partSize: 5 * 1024 * 1024, concurrency: 2 });
  let progressEvents = 0;
  uploader.on('progress', () => progressEvents++);
  uploader.on('state', ({ upload }) => {
    if (upload.state === 'done' || upload.state === 'error') {
      self.postMessage({
        state: upload.state,
        key: upload.key,
        method: upload.method,
        bytesSent: upload.bytesSent,
        progressEvents,
        error: upload.error?.message,
      });
    }
  });
  uploader.add(file);
};
