import '@ferry/element';

// Lists each stored object with a link to it, from the element's ferry-complete events.
const stored = document.querySelector('#stored')!;
document.querySelector('ferry-uploader')!.addEventListener('ferry-complete', (event) => {
  const { upload } = event.detail;
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = upload.location ?? '#';
  link.textContent = upload.key ?? upload.name;
  item.append(link);
  stored.append(item);
});
