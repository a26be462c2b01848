import { FerryUploader } from '@ferry/react';
import { useState } from 'react';

/** A React 19 page with `<FerryUploader>`: the stored keys come back through a typed callback. */
export function App() {
  const [stored, setStored] = useState<string[]>([]);
  return (
    <main style={{ font: '16px/1.5 system-ui, sans-serif', maxWidth: '40rem', margin: '2rem auto' }}>
      <h1>Ferry in React</h1>
      <FerryUploader
        endpoint="/api/uploads"
        multiple
        onComplete={(event) => setStored((keys) => [...keys, event.upload.key ?? ''])}
      />
      <h2>Stored</h2>
      <ol id="stored">
        {stored.map((key) => (
          <li key={key}>{key}</li>
        ))}
      </ol>
    </main>
  );
}
