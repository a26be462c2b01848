// The thumbnail worker: decodes images off the main thread, one request at a time per message.
import { thumbnailBlob } from './thumbnail-blob.js';
import type { ThumbnailRequest, ThumbnailResponse } from './thumbnail-protocol.js';

addEventListener('message', (event: MessageEvent<ThumbnailRequest>) => {
  const { id, file, width } = event.data;
  const reply = (response: ThumbnailResponse) => postMessage(response);
  thumbnailBlob(file, width).then(
    (blob) => reply({ id, blob }),
    () => reply({ id }),
  );
});
