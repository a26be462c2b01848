import { Uploader } from '@ferry/core';
import { createAdaptiveConcurrency } from '@ferry/core/adaptive-concurrency';
import { createWorkerHasher, withChecksums, type ChecksumOptions, type PartHasher } from '@ferry/core/checksums';
import AwsS3 from '@uppy/aws-s3';
import Uppy from '@uppy/core';

/** What every client is given. */
export interface RunOptions {
  readonly origin: string;
  readonly partSize: number;
  readonly concurrency: number;
  /** Ferry only: adaptive concurrency. */
  readonly adaptive: boolean;
  /** ferry-sum only: the checksums to turn on. */
  readonly checksums?: ChecksumOptions | undefined;
  /** ferry-read only: read every part in the hash workers as ferry-sum does, and hash nothing. */
  readonly readOnly?: boolean | undefined;
}

/** Uploads `files` completely; resolves when every one is stored. */
export type Client = (files: File[], options: RunOptions) => Promise<void>;

function xhrPut(url: string, body: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.onload = () =>
      xhr.status < 300 ? resolve(xhr.getResponseHeader('ETag') ?? '') : reject(new Error(`PUT ${xhr.status}`));
    xhr.onerror = () => reject(new Error('PUT failed'));
    xhr.send(body);
  });
}

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

/** Runs `tasks` with at most `limit` at once. */
async function pool(limit: number, tasks: (() => Promise<void>)[]): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}

/**
 * The baseline: a fixed pool of XHR PUTs of blob slices, one signing call per part (or per
 * file below the part size), nothing else: no retries, no progress, no state.
 */
export const raw: Client = async (files, { origin, partSize, concurrency }) => {
  const base = `${origin}/s3`;
  const tasks: (() => Promise<void>)[] = [];
  const completions: (() => Promise<void>)[] = [];
  for (const file of files) {
    if (file.size <= partSize) {
      tasks.push(async () => {
        const query = new URLSearchParams({ filename: file.name, type: file.type, size: String(file.size) });
        const { url } = await getJson<{ url: string }>(`${base}/params?${query}`);
        await xhrPut(url, file.slice(0, file.size));
      });
      continue;
    }
    const created = getJson<{ uploadId: string; key: string }>(`${base}/multipart`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ filename: file.name, type: file.type, size: file.size, partSize }),
    });
    const count = Math.ceil(file.size / partSize);
    const etags: string[] = [];
    for (let n = 1; n <= count; n++) {
      tasks.push(async () => {
        const { uploadId, key } = await created;
        const { url } = await getJson<{ url: string }>(
          `${base}/multipart/${uploadId}/${n}?key=${encodeURIComponent(key)}`,
        );
        etags[n - 1] = await xhrPut(url, file.slice((n - 1) * partSize, Math.min(n * partSize, file.size)));
      });
    }
    completions.push(async () => {
      const { uploadId, key } = await created;
      const parts = etags.map((ETag, i) => ({ PartNumber: i + 1, ETag }));
      await getJson(`${base}/multipart/${uploadId}/complete?key=${encodeURIComponent(key)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ parts }),
      });
    });
  }
  await pool(concurrency, tasks);
  await Promise.all(completions.map((complete) => complete()));
};

/** Uppy 6 with @uppy/aws-s3 against the same routes (Companion's). */
export const uppy: Client = async (files, { origin, partSize, concurrency }) => {
  const instance = new Uppy({ autoProceed: false }).use(AwsS3, {
    companionEndpoint: origin,
    limit: concurrency,
    shouldUseMultipart: (file) => (file.size ?? 0) > partSize,
    getChunkSize: () => partSize,
  });
  for (const file of files) instance.addFile({ name: file.name, type: file.type, data: file });
  const result = await instance.upload();
  instance.destroy();
  if (!result || (result.failed?.length ?? 0) > 0 || result.successful?.length !== files.length) {
    throw new Error(`Uppy failed: ${result?.failed?.map((file) => file.error).join(', ')}`);
  }
};

/**
 * A FAKE {@link PartHasher} for ferry-read: Ferry's own hash workers read each part in 1 MiB pieces,
 * as for every algorithm but SHA-256 (asked for none, they compute nothing), and the MD5 of no
 * bytes is sent, which the bench's sink does not verify. What it costs is what reading every part a
 * second time costs: the floor under any checksum that must read the part before its PUT.
 */
function fakeReadOnlyHasher(): PartHasher {
  const workers = createWorkerHasher();
  return {
    async digest(blob, _algorithms, signal) {
      await workers.digest(blob, [], signal);
      return { md5: '1B2M2Y8AsgTpgAmY7PhCfg==' };
    },
    close: () => workers.close?.(),
  };
}

/** Ferry, with its defaults but for the part size and concurrency. */
export const ferry: Client = async (files, { origin, partSize, concurrency, adaptive, checksums, readOnly }) => {
  const options = {
    endpoint: `${origin}/s3`,
    partSize,
    concurrency,
    ...(adaptive ? { concurrencyTuner: createAdaptiveConcurrency({ start: concurrency }) } : {}),
  };
  const sums: ChecksumOptions | undefined = readOnly ? { algorithm: 'md5', hasher: fakeReadOnlyHasher() } : checksums;
  const uploader = new Uploader(sums ? withChecksums(options, sums) : options);
  let remaining = files.length;
  await new Promise<void>((resolve, reject) => {
    uploader.on('complete', () => --remaining === 0 && resolve());
    uploader.on('error', ({ error }) => reject(error));
    for (const file of files) uploader.add(file);
  });
};
