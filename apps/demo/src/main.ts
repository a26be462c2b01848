import '@ferry/element';

const element = document.querySelector('ferry-uploader')!;

// `?checksum=md5|sha256|crc32c` (and `?crc64` on OSS) turns on integrity checks through the
// element's checksum attribute: parts are hashed in a Worker, the digest is signed into each URL,
// and the store refuses damaged bytes. The checksum code loads only then.
const query = new URLSearchParams(location.search);
const checksum = [query.get('checksum'), query.has('crc64') ? 'crc64' : null].filter(Boolean).join(' ');
if (checksum) element.setAttribute('checksum', checksum);

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
