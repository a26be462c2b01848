import type { LoadRequest } from './load.js';

/** The four calls the bench measures, as one protocol spells them. */
export interface Scenarios {
  readonly create: LoadRequest;
  readonly 'sign 1 part': LoadRequest;
  readonly 'sign 100 parts': LoadRequest;
  readonly complete: LoadRequest;
}

/** The calls, in the order they are printed. */
export const SCENARIO_NAMES = ['create', 'sign 1 part', 'sign 100 parts', 'complete'] as const;

const MiB = 1024 * 1024;
const ETAG = '"0123456789abcdef0123456789abcdef"';
const json = (value: unknown) => JSON.stringify(value);
const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

interface Created {
  uploadId: string;
  key: string;
  token?: string;
}

async function post(url: string, body: unknown): Promise<Created> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: json(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Created;
}

/** Ferry's own protocol at `{origin}/api/uploads`: one upload of 100 parts to sign, one of 1 part to complete. */
export async function ferryScenarios(origin: string): Promise<Scenarios & { forgedSign: LoadRequest }> {
  const base = '/api/uploads';
  const file = (size: number) => ({
    filename: 'bench.bin',
    type: 'application/octet-stream',
    size,
    partSize: 5 * MiB,
    metadata: {},
  });
  const large = await post(`${origin}${base}/multipart`, file(100 * 5 * MiB));
  const small = await post(`${origin}${base}/multipart`, file(MiB));
  const sign = (upload: Created, partNumbers: number[], token = upload.token!): LoadRequest => ({
    method: 'POST',
    path: `${base}/multipart/${encodeURIComponent(upload.uploadId)}/batch`,
    headers: { 'x-ferry-upload-token': token },
    body: json({ key: upload.key, partNumbers }),
  });
  // The same token with one character of its MAC changed: refused as forged.
  const token = large.token!;
  const forged = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
  return {
    create: { method: 'POST', path: `${base}/multipart`, body: json(file(MiB)) },
    'sign 1 part': sign(large, [1]),
    'sign 100 parts': sign(large, hundred),
    complete: {
      method: 'POST',
      path: `${base}/multipart/${encodeURIComponent(small.uploadId)}/complete?key=${encodeURIComponent(small.key)}`,
      headers: { 'x-ferry-upload-token': small.token! },
      body: json({ parts: [{ PartNumber: 1, ETag: ETAG }] }),
    },
    forgedSign: sign(large, [1], forged),
  };
}

/** Uppy Companion's S3 routes at `{origin}{prefix}/s3` (Companion itself, or Ferry's Companion mode). */
export async function companionScenarios(origin: string, prefix: string): Promise<Scenarios> {
  const base = `${prefix}/s3`;
  const file = { filename: 'bench.bin', type: 'application/octet-stream', metadata: {} };
  const upload = await post(`${origin}${base}/multipart`, file);
  const path = (rest: string) => `${base}/multipart/${encodeURIComponent(upload.uploadId)}${rest}`;
  const key = encodeURIComponent(upload.key);
  return {
    create: { method: 'POST', path: `${base}/multipart`, body: json(file) },
    'sign 1 part': { method: 'GET', path: path(`/batch?key=${key}&partNumbers=1`) },
    'sign 100 parts': { method: 'GET', path: path(`/batch?key=${key}&partNumbers=${hundred.join(',')}`) },
    complete: {
      method: 'POST',
      path: path(`/complete?key=${key}`),
      body: json({ parts: [{ PartNumber: 1, ETag: ETAG }] }),
    },
  };
}
