import type { StoreProfile } from '@ferry/core/protocol';
import type { BackendClient } from './backend-client.js';
import type { KitOptions } from './kit-options.js';
import { describeAnswer, ensure, ensureOk, type RuleRunner } from './rule-runner.js';
import type { StoreReader } from './store-reader.js';

/** What every group of rules works with. */
export interface KitContext {
  readonly options: KitOptions;
  readonly profile: StoreProfile;
  readonly backend: BackendClient;
  readonly store: StoreReader;
  readonly runner: RuleRunner;
}

/** A multipart upload the kit created, with the plan the backend holds it to. */
export interface KitUpload {
  readonly uploadId: string;
  readonly key: string;
  readonly token: string;
  readonly size: number;
  readonly partSize: number;
  /** Parts in the plan. */
  readonly count: number;
}

/** A presigned request as the backend answered it. */
export interface Presigned {
  readonly url: string;
  readonly headers: Record<string, string>;
}

/**
 * Creates a multipart upload of `size` bytes in parts of the kit's part size, with `fields` added
 * to the create body (`metadata`, `cacheControl`, `tags`); fails the rule if the backend will not.
 */
export async function createUpload(
  context: KitContext,
  size: number,
  type = 'application/octet-stream',
  headers?: Record<string, string>,
  fields: Record<string, unknown> = {},
): Promise<KitUpload> {
  const { partSize } = context.options;
  const answer = await context.backend.call('create-multipart', {
    body: { filename: `conformance-${size}.bin`, type, size, partSize, metadata: {}, ...fields },
    ...(headers ? { headers } : {}),
  });
  const handle = (ensureOk(answer, 'create-multipart') ?? {}) as Record<string, unknown>;
  const { uploadId, key, token } = handle;
  ensure(
    typeof uploadId === 'string' && typeof key === 'string' && typeof token === 'string' && token !== '',
    `create-multipart answered without an uploadId, key and token: ${describeAnswer(answer)}`,
  );
  return { uploadId, key, token, size, partSize, count: Math.ceil(size / partSize) };
}

/** `token` with one character changed in its middle: a forgery the backend must refuse. */
export function alteredToken(token: string): string {
  const at = Math.floor(token.length / 2);
  return token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
}

/** The size of part `partNumber` in `upload`'s plan. */
export function partSizeOf(upload: KitUpload, partNumber: number): number {
  return partNumber < upload.count ? upload.partSize : upload.size - (upload.count - 1) * upload.partSize;
}

/** Signs `partNumbers` of `upload` in one batch; fails the rule unless each comes back, not yet expired. */
export async function signBatch(
  context: KitContext,
  upload: KitUpload,
  partNumbers: readonly number[],
): Promise<Map<number, Presigned>> {
  const answer = await context.backend.call('sign-parts', {
    uploadId: upload.uploadId,
    query: { key: upload.key },
    body: { key: upload.key, partNumbers },
    token: upload.token,
  });
  const body = (ensureOk(answer, 'sign-parts') ?? {}) as { parts?: unknown };
  ensure(Array.isArray(body.parts), `sign-parts answered without a parts array: ${describeAnswer(answer)}`);
  const signed = new Map<number, Presigned>();
  const now = Date.now();
  for (const part of body.parts as { partNumber?: unknown; url?: unknown; headers?: unknown; expiresAt?: unknown }[]) {
    if (typeof part.partNumber === 'number' && typeof part.url === 'string') {
      ensure(
        typeof part.expiresAt === 'number' && part.expiresAt > now,
        `part ${part.partNumber} expiresAt ${String(part.expiresAt)} is not a time (ms since the epoch) still to come`,
      );
      signed.set(part.partNumber, { url: part.url, headers: (part.headers ?? {}) as Record<string, string> });
    }
  }
  for (const partNumber of partNumbers) {
    ensure(signed.has(partNumber), `sign-parts answered no URL for part ${partNumber}: ${describeAnswer(answer)}`);
  }
  return signed;
}

/** What the store answered a PUT. */
export interface StoreAnswer {
  readonly status: number;
  readonly etag: string | null;
  /** The store's error code (`SignatureDoesNotMatch`), when it sent one. */
  readonly code: string | undefined;
}

/** PUTs `body` to a presigned URL with `headers`, as a browser would. */
export async function putToStore(request: Presigned, body: Uint8Array<ArrayBuffer>): Promise<StoreAnswer> {
  const response = await fetch(request.url, { method: 'PUT', headers: request.headers, body });
  const text = await response.text();
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    code: /<Code>([^<]+)<\/Code>/.exec(text)?.[1],
  };
}

/** `answer` as a reason: `HTTP 403 SignatureDoesNotMatch`. */
export function describeStoreAnswer(answer: StoreAnswer): string {
  return `HTTP ${answer.status}${answer.code ? ` ${answer.code}` : ''}`;
}

/** Aborts `upload` without judging the answer: cleanup after the rules that used it. */
export async function discardUpload(context: KitContext, upload: KitUpload): Promise<void> {
  await context.backend
    .call('abort-multipart', { uploadId: upload.uploadId, query: { key: upload.key }, token: upload.token })
    .catch(() => undefined);
}
