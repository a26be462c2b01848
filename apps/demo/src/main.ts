import { Uploader } from '@ferry/core';
import { withChecksums, type ChecksumOptions } from '@ferry/core/checksums';
import { createIndexedDbResumeStore } from '@ferry/core/resume';
import '@ferry/element';

const element = document.querySelector('ferry-uploader')!;

// `?checksum=md5|sha256|crc32c` (and `?crc64` on OSS) turns on integrity checks: parts are hashed
// in a Worker, the digest is signed into each URL, and the store refuses damaged bytes.
const query = new URLSearchParams(location.search);
const algorithm = query.get('checksum') as ChecksumOptions['algorithm'] | null;
if (algorithm || query.has('crc64')) {
  const options = { endpoint: element.endpoint, resumeStore: createIndexedDbResumeStore() };
  element.uploader = new Uploader(withChecksums(options, { algorithm: algorithm ?? undefined, crc64: query.has('crc64') }));
}

// Lists each stored object with a link to it, from the element's ferry-complete events.
const stored = document.querySelector('#stored')!;
element.addEventListener('ferry-complete', (event) => {
  const { upload } = event;
  const item = document.createElement('li');
  const link = document.createElement('a');
  // The bucket is private: the demo server redirects this link to a presigned GET.
  link.href = upload.key ? `/api/stored?key=${encodeURIComponent(upload.key)}` : '#';
  link.textContent = upload.key ?? upload.name;
  item.append(link);
  stored.append(item);
});
