import type { ExistingFile, FerryUploader as FerryUploaderElement } from '@ferry/element';
import { FerryUploader } from '@ferry/react';
import { useEffect, useState, type SyntheticEvent } from 'react';

/**
 * A React 19 page with `<FerryUploader>` in a form that holds files: the saved files come from the
 * server, `files` is controlled (`onChange` hands back what the element holds), and Save posts the
 * form's value (kept, added and removed keys), which the server applies. The stored keys also come
 * back through a typed callback.
 */
export function App() {
  const [stored, setStored] = useState<string[]>([]);
  const [files, setFiles] = useState<readonly ExistingFile[]>([]);
  // A new saved set is a new form: remounting the uploader starts it from that set.
  const [version, setVersion] = useState(0);
  const [saved, setSaved] = useState<readonly ExistingFile[] | undefined>();

  useEffect(() => {
    void fetch('/api/attachments')
      .then((response) => response.json() as Promise<ExistingFile[]>)
      .then((list) => {
        setFiles(list);
        setVersion((n) => n + 1);
      });
  }, []);

  async function save(event: SyntheticEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const response = await fetch('/api/attachments', {
      method: 'POST',
      headers: { Accept: 'application/json' },
      body: new FormData(event.currentTarget),
    });
    const list = (await response.json()) as ExistingFile[];
    setSaved(list);
    setFiles(list);
    setVersion((n) => n + 1);
  }

  return (
    <main style={{ font: '16px/1.5 system-ui, sans-serif', maxWidth: '40rem', margin: '2rem auto' }}>
      <h1>Ferry in React</h1>
      <form onSubmit={(event) => void save(event)}>
        <FerryUploader
          key={version}
          name="attachments"
          endpoint="/api/uploads"
          multiple
          files={files}
          onChange={(event) => setFiles((event.currentTarget as FerryUploaderElement).files)}
          onComplete={(event) => setStored((keys) => [...keys, event.upload.key ?? ''])}
        />
        <button type="submit">Save</button>
      </form>
      <h2>Stored</h2>
      <ol id="stored">
        {stored.map((key) => (
          <li key={key}>{key}</li>
        ))}
      </ol>
      <h2>In the form</h2>
      <ol id="files">
        {files.map((file) => (
          <li key={file.key}>{file.key}</li>
        ))}
      </ol>
      {saved && (
        <ol id="saved">
          {saved.map((file) => (
            <li key={file.key}>{file.key}</li>
          ))}
        </ol>
      )}
    </main>
  );
}
