import type { StorageProvider } from '@ferry/server';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A file saved with the demo's form: what an application keeps in its database. */
export interface SavedFile {
  readonly key: string;
  readonly name: string;
  readonly size: number;
  readonly type: string;
}

/** The form field the demo's pages give `<ferry-uploader name>`. */
const FIELD = 'attachments';

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!);

/** The form page, server-rendered with the saved files as `<ferry-file>` children (no build step). */
function formPage(saved: readonly SavedFile[]): string {
  const files = saved
    .map(
      (file) =>
        `<ferry-file key="${escape(file.key)}" name="${escape(file.name)}" size="${file.size}" type="${escape(file.type)}"></ferry-file>`,
    )
    .join('\n        ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Ferry in a plain form</title>
    <script type="module" src="/ferry-uploader.js"></script>
  </head>
  <body style="font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto">
    <h1>Attachments</h1>
    <form method="post" action="/api/attachments">
      <ferry-uploader name="${FIELD}" endpoint="/api/uploads" multiple>
        ${files}
      </ferry-uploader>
      <button type="submit">Save</button>
    </form>
    <h2>Saved</h2>
    <ol id="saved">${saved.map((file) => `<li>${escape(file.key)}</li>`).join('')}</ol>
  </body>
</html>`;
}

/**
 * The demo's form that holds files, as an application would run it: `GET /form` renders the
 * saved files into a plain HTML form, `GET /api/attachments` answers them as JSON (the React and
 * Vue examples), and `POST /api/attachments` applies a submitted `<ferry-uploader name="attachments">`
 * value: the `attachments[removed][]` keys that were saved are deleted through the provider, and
 * the saved set becomes `attachments[kept][]` (those that were saved) then `attachments[added][]`
 * (under the uploads prefix). A form post is redirected back to the page; a `fetch` asking for JSON
 * gets the saved set. A demo on loopback trusts whoever submits; an application checks the user.
 */
export function attachmentsRoutes(provider: StorageProvider) {
  let saved: SavedFile[] = [];
  const json = (response: ServerResponse, body: unknown) => {
    response.setHeader('Content-Type', 'application/json');
    response.end(JSON.stringify(body));
  };
  return {
    /** The saved files (the demo's database). */
    get saved(): readonly SavedFile[] {
      return saved;
    },
    set saved(files: readonly SavedFile[]) {
      saved = [...files];
    },
    /** Connect middleware for `/form` and `/api/attachments`. */
    handle(request: IncomingMessage, response: ServerResponse, next: () => void): void {
      const path = new URL(request.url ?? '/', 'http://demo').pathname;
      if (path === '/form' && request.method === 'GET') {
        response.setHeader('Content-Type', 'text/html; charset=utf-8');
        response.end(formPage(saved));
        return;
      }
      if (path !== '/api/attachments') return next();
      if (request.method === 'GET') return json(response, saved);
      if (request.method !== 'POST') {
        response.statusCode = 405;
        response.end();
        return;
      }
      void submitted(request).then(
        async (form) => {
          const before = new Map(saved.map((file) => [file.key, file]));
          const removed = form
            .getAll(`${FIELD}[removed][]`)
            .filter((key) => typeof key === 'string' && before.has(key));
          await Promise.all(removed.map((key) => provider.deleteObject!({ key: key as string })));
          const kept = form.getAll(`${FIELD}[kept][]`).flatMap((key) => before.get(key as string) ?? []);
          const added = form
            .getAll(`${FIELD}[added][]`)
            .filter((key): key is string => typeof key === 'string' && key.startsWith('uploads/'))
            .map((key) => ({ key, name: key.slice(key.lastIndexOf('/') + 1), size: 0, type: '' }));
          saved = [...kept, ...added];
          if (request.headers.accept?.includes('application/json')) return json(response, saved);
          response.statusCode = 303;
          response.setHeader('Location', '/form');
          response.end();
        },
        () => {
          response.statusCode = 400;
          response.end();
        },
      );
    },
  };
}

/** The submitted form (urlencoded or multipart), parsed by the Fetch API's own `formData()`. */
async function submitted(request: IncomingMessage): Promise<FormData> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const form = new Request('http://demo/', {
    method: 'POST',
    headers: { 'Content-Type': request.headers['content-type'] ?? '' },
    body: Buffer.concat(chunks),
  });
  // formData() buffers the whole body: fine for a form's few fields, which is all this route takes.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  return form.formData();
}
