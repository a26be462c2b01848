import { crc64 } from '@ferry/core/checksums';
import { ossV4AuthorizationHeaders, ossV4PresignQuery, type OssCredentials, type OssRequest } from '@ferry/server';
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake took, as a test asserts on it. */
export interface OssContractCall {
  readonly method: string;
  /** `put-object`, `initiate`, `upload-part`, `list-parts`, `complete`, `abort`, `list-uploads`, `delete-object` or `unknown`. */
  readonly operation: string;
  readonly key: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  /** The names the signature covered (headers signed by default plus the additional ones). */
  readonly signedHeaders: readonly string[];
  /** `header` (server-side call) or `query` (presigned URL). */
  readonly auth: 'header' | 'query';
  readonly status: number;
}

/** A running OSS contract fake. */
export interface OssContractFake {
  /** Base URL; use it as a custom-domain endpoint (`endpoint/key`). */
  readonly url: string;
  readonly bucket: string;
  readonly region: string;
  readonly credentials: OssCredentials;
  /** Every request, in order. */
  readonly calls: readonly OssContractCall[];
  /** The bytes stored under `key`, once a PUT or a complete stored it. */
  object(key: string): { bytes: Buffer; headers: Record<string, string> } | undefined;
  /** Multipart uploads neither completed nor aborted. */
  openUploads(): string[];
  close(): Promise<void>;
}

interface Upload {
  readonly key: string;
  readonly initiated: Date;
  readonly headers: Record<string, string>;
  readonly parts: Map<number, { bytes: Buffer; etag: string }>;
}

const md5 = (bytes: Buffer) => `"${createHash('md5').update(bytes).digest('hex').toUpperCase()}"`;

function errorXml(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>fake</RequestId></Error>`;
}

function body(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** OSS answers every write with the stored bytes' CRC-64/ECMA, as an unsigned decimal. */
const crc64Header = (bytes: Uint8Array): Record<string, string> => ({ 'x-oss-hash-crc64ecma': String(crc64(bytes)) });

/**
 * A CONTRACT FAKE of Alibaba Cloud OSS, not a store: no OSS emulator exists here, so this checks
 * that each request Ferry's OSS provider and a browser make has the method, path, query, signed
 * header set, XML body and V4 signature OSS expects (recomputing the signature with the secret),
 * and answers with OSS-shaped XML. It keeps bytes in memory only so tests can compare hashes, and
 * performs the upload callback by POSTing to its URL, relaying the answer as OSS does.
 *
 * @example
 * ```ts
 * const oss = await startOssContractFake();
 * const provider = createOssProvider({ bucket: oss.bucket, region: oss.region, credentials: oss.credentials, endpoint: oss.url, customDomain: true });
 * ```
 */
export async function startOssContractFake(
  options: {
    readonly bucket?: string;
    readonly region?: string;
    /** Response headers the bucket's CORS rule exposes to pages. @default ETag, x-oss-hash-crc64ecma, x-oss-request-id */
    readonly exposeHeaders?: readonly string[];
  } = {},
): Promise<OssContractFake> {
  const bucket = options.bucket ?? 'ferry-oss';
  const region = options.region ?? 'cn-hangzhou';
  const credentials: OssCredentials = { accessKeyId: 'FAKEOSSACCESSKEY', accessKeySecret: 'fake-oss-secret' };
  const calls: OssContractCall[] = [];
  const objects = new Map<string, { bytes: Buffer; headers: Record<string, string> }>();
  const uploads = new Map<string, Upload>();

  /** Checks the V4 signature of a request; the names it signed, or an error to answer with. */
  /** What OSS V4 signs: `x-oss-*`, Content-Type and Content-MD5 always, plus the additional headers. */
  const signedNames = (headers: Record<string, string>, additional: readonly string[]) =>
    [
      ...Object.keys(headers).filter(
        (name) => name.startsWith('x-oss-') || name === 'content-type' || name === 'content-md5',
      ),
      ...additional,
    ].sort();
  const parseStamp = (date: string) =>
    new Date(
      `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`,
    );
  const verify = async (
    request: OssRequest,
    auth: 'header' | 'query',
  ): Promise<{ signed: string[] } | { error: [number, string, string] }> => {
    const lower = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
    if (auth === 'query') {
      const {
        'x-oss-signature': given,
        'x-oss-date': date,
        'x-oss-expires': expires,
        'x-oss-additional-headers': additional,
        ...rest
      } = request.query as Record<string, string | undefined>;
      if (rest['x-oss-signature-version'] !== 'OSS4-HMAC-SHA256' || !date || !expires)
        return { error: [403, 'AccessDenied', 'Not a V4 presigned URL.'] };
      const time = parseStamp(date);
      if (Date.now() > time.getTime() + Number(expires) * 1000)
        return { error: [403, 'AccessDenied', 'Request has expired.'] };
      const unsigned = Object.fromEntries(
        Object.entries(rest).filter(
          ([name]) => !['x-oss-signature-version', 'x-oss-credential', 'x-oss-security-token'].includes(name),
        ),
      ) as Record<string, string>;
      const names = additional ? additional.split(';') : [];
      const expected = await ossV4PresignQuery(
        { ...request, query: unsigned, headers: lower },
        credentials,
        region,
        Number(expires),
        { time, additionalHeaders: names },
      );
      if (expected.query['x-oss-signature'] !== given)
        return { error: [403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match.'] };
      return { signed: signedNames(lower, names) };
    }
    const authorization = lower['authorization'] ?? '';
    const match = /^OSS4-HMAC-SHA256 Credential=[^,]+(?:,AdditionalHeaders=([^,]+))?,Signature=([0-9a-f]{64})$/.exec(
      authorization,
    );
    const date = lower['x-oss-date'];
    if (!match || !date) return { error: [403, 'AccessDenied', 'Missing or malformed V4 Authorization.'] };
    const time = parseStamp(date);
    const { authorization: _a, ...headers } = lower;
    const names = match[1] ? match[1].split(';') : [];
    const expected = await ossV4AuthorizationHeaders({ ...request, headers }, credentials, region, {
      time,
      additionalHeaders: names,
    });
    if (expected.signature !== match[2])
      return { error: [403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match.'] };
    return { signed: signedNames(headers, names) };
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader(
      'Access-Control-Expose-Headers',
      (options.exposeHeaders ?? ['ETag', 'x-oss-hash-crc64ecma', 'x-oss-request-id']).join(', '),
    );
    if (request.method === 'OPTIONS') {
      response.setHeader('Access-Control-Allow-Methods', 'PUT, GET, POST, DELETE');
      response.setHeader('Access-Control-Allow-Headers', '*');
      response.end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://fake');
    const key = decodeURIComponent(url.pathname.slice(1));
    const query = Object.fromEntries(url.searchParams);
    const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
    const auth = 'x-oss-signature' in query ? 'query' : 'header';
    const operation =
      request.method === 'PUT' && 'partNumber' in query
        ? 'upload-part'
        : request.method === 'PUT'
          ? 'put-object'
          : request.method === 'POST' && 'uploads' in query
            ? 'initiate'
            : request.method === 'POST' && 'uploadId' in query
              ? 'complete'
              : request.method === 'GET' && 'uploadId' in query
                ? 'list-parts'
                : request.method === 'DELETE' && 'uploadId' in query
                  ? 'abort'
                  : request.method === 'GET' && key === '' && 'uploads' in query
                    ? 'list-uploads'
                    : request.method === 'DELETE'
                      ? 'delete-object'
                      : request.method === 'GET'
                        ? 'get-object'
                        : 'unknown';
    const bytes = await body(request);
    const checked = await verify({ method: request.method ?? '', bucket, key, query, headers }, auth);
    const answer = (status: number, text = '', extra: Record<string, string> = {}) => {
      calls.push({
        method: request.method ?? '',
        operation,
        key,
        query,
        headers,
        signedHeaders: 'signed' in checked ? checked.signed : [],
        auth,
        status,
      });
      response.writeHead(status, {
        'Content-Type': text.startsWith('<') ? 'application/xml' : 'application/json',
        ...extra,
      });
      response.end(text);
    };
    // Reading objects back is for the tests' hashes only (a real bucket would want a signed GET).
    if (operation === 'get-object') {
      const object = objects.get(key);
      if (!object) return answer(404, errorXml('NoSuchKey', 'The specified key does not exist.'));
      response.writeHead(200, { 'Content-Type': object.headers['content-type'] ?? 'application/octet-stream' });
      response.end(object.bytes);
      return;
    }
    if ('error' in checked) return answer(checked.error[0], errorXml(checked.error[1], checked.error[2]));
    if (auth === 'query' && operation !== 'put-object' && operation !== 'upload-part')
      return answer(403, errorXml('AccessDenied', 'Only PUTs go straight from browsers.'));
    if (auth === 'query' && !checked.signed.includes('content-length'))
      return answer(400, errorXml('InvalidArgument', 'Presigned PUTs must sign Content-Length.'));
    if (headers['content-length'] !== undefined && Number(headers['content-length']) !== bytes.length)
      return answer(400, errorXml('IncompleteBody', 'Content-Length differs from the body.'));
    if (
      headers['content-md5'] !== undefined &&
      createHash('md5').update(bytes).digest('base64') !== headers['content-md5']
    ) {
      return answer(400, errorXml('InvalidDigest', 'The Content-MD5 you specified is not valid.'));
    }
    switch (operation) {
      case 'put-object': {
        objects.set(key, { bytes, headers });
        const callback = await runCallback(headers, key, bytes.length);
        return answer(callback?.status ?? 200, callback?.body ?? '', { ETag: md5(bytes), ...crc64Header(bytes) });
      }
      case 'initiate': {
        const uploadId = randomUUID().replace(/-/g, '').toUpperCase();
        uploads.set(uploadId, { key, initiated: new Date(), headers, parts: new Map() });
        return answer(
          200,
          `<?xml version="1.0" encoding="UTF-8"?><InitiateMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${key}</Key><UploadId>${uploadId}</UploadId></InitiateMultipartUploadResult>`,
        );
      }
      case 'upload-part': {
        const upload = uploads.get(query['uploadId'] ?? '');
        if (!upload || upload.key !== key)
          return answer(404, errorXml('NoSuchUpload', 'The specified upload does not exist.'));
        const etag = md5(bytes);
        upload.parts.set(Number(query['partNumber']), { bytes, etag });
        return answer(200, '', { ETag: etag, ...crc64Header(bytes) });
      }
      case 'list-parts': {
        const upload = uploads.get(query['uploadId'] ?? '');
        if (!upload) return answer(404, errorXml('NoSuchUpload', 'The specified upload does not exist.'));
        const after = Number(query['part-number-marker'] ?? 0);
        const numbers = [...upload.parts.keys()].filter((n) => n > after).sort((a, b) => a - b);
        const page = numbers.slice(0, 1000);
        const truncated = numbers.length > page.length;
        const parts = page
          .map(
            (n) =>
              `<Part><PartNumber>${n}</PartNumber><ETag>${upload.parts.get(n)!.etag}</ETag><Size>${upload.parts.get(n)!.bytes.length}</Size></Part>`,
          )
          .join('');
        return answer(
          200,
          `<?xml version="1.0" encoding="UTF-8"?><ListPartsResult><Bucket>${bucket}</Bucket><Key>${key}</Key><UploadId>${query['uploadId']}</UploadId><IsTruncated>${truncated}</IsTruncated>${truncated ? `<NextPartNumberMarker>${page.at(-1)}</NextPartNumberMarker>` : ''}${parts}</ListPartsResult>`,
        );
      }
      case 'complete': {
        const upload = uploads.get(query['uploadId'] ?? '');
        if (!upload) return answer(404, errorXml('NoSuchUpload', 'The specified upload does not exist.'));
        const listed = [
          ...bytes.toString().matchAll(/<Part><PartNumber>(\d+)<\/PartNumber><ETag>([^<]+)<\/ETag><\/Part>/g),
        ].map((m) => ({ n: Number(m[1]), etag: m[2]!.replace(/&quot;/g, '"') }));
        if (
          !/^<CompleteMultipartUpload>(<Part>.*<\/Part>)+<\/CompleteMultipartUpload>$/.test(bytes.toString()) ||
          listed.length === 0
        ) {
          return answer(400, errorXml('MalformedXML', 'The XML you provided was not well-formed.'));
        }
        for (const [index, { n, etag }] of listed.entries()) {
          if (n !== index + 1 || upload.parts.get(n)?.etag !== etag)
            return answer(400, errorXml('InvalidPart', `Part ${n} is missing or its ETag differs.`));
        }
        // OSS checks part sizes only here: every part but the last at least 100 KB (UploadPart's docs).
        const small = listed.slice(0, -1).find(({ n }) => upload.parts.get(n)!.bytes.length < 100 * 1024);
        if (small)
          return answer(
            400,
            errorXml('EntityTooSmall', `Part ${small.n} is smaller than 100 KB and is not the last part.`),
          );
        const object = Buffer.concat(listed.map(({ n }) => upload.parts.get(n)!.bytes));
        objects.set(key, { bytes: object, headers: upload.headers });
        uploads.delete(query['uploadId']!);
        const etag = `"${createHash('md5').update(object).digest('hex').toUpperCase()}-${listed.length}"`;
        const callback = await runCallback(headers, key, object.length);
        if (callback) return answer(callback.status, callback.body, { ETag: etag, ...crc64Header(object) });
        return answer(
          200,
          `<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${key}</Key><ETag>${etag}</ETag></CompleteMultipartUploadResult>`,
          { ETag: etag, ...crc64Header(object) },
        );
      }
      case 'abort':
        if (!uploads.delete(query['uploadId'] ?? ''))
          return answer(404, errorXml('NoSuchUpload', 'The specified upload does not exist.'));
        return answer(204);
      case 'delete-object':
        // OSS answers 204 whether or not the object existed.
        objects.delete(key);
        return answer(204);
      case 'list-uploads':
        return answer(200, listUploadsXml(query));
      default:
        return answer(
          400,
          errorXml('InvalidRequest', `The fake does not know ${request.method} ${url.pathname}${url.search}.`),
        );
    }
  };

  /** ListMultipartUploads as OSS pages it: by key then upload id, after the markers, `max-uploads` (≤ 1,000) at a time. */
  const listUploadsXml = (query: Record<string, string>): string => {
    const prefix = query['prefix'] ?? '';
    const keyMarker = query['key-marker'] ?? '';
    const idMarker = query['upload-id-marker'] ?? '';
    const max = Math.min(Number(query['max-uploads'] ?? 1000) || 1000, 1000);
    const all = [...uploads.entries()]
      .map(([uploadId, upload]) => ({ uploadId, ...upload }))
      .filter(
        ({ key, uploadId }) =>
          key.startsWith(prefix) && (key > keyMarker || (key === keyMarker && idMarker !== '' && uploadId > idMarker)),
      )
      .sort((a, b) => (a.key === b.key ? (a.uploadId < b.uploadId ? -1 : 1) : a.key < b.key ? -1 : 1));
    const page = all.slice(0, max);
    const last = page.at(-1);
    const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const items = page
      .map(
        (upload) =>
          `<Upload><Key>${escape(upload.key)}</Key><UploadId>${upload.uploadId}</UploadId><Initiated>${upload.initiated.toISOString()}</Initiated></Upload>`,
      )
      .join('');
    return `<?xml version="1.0" encoding="UTF-8"?><ListMultipartUploadsResult><Bucket>${bucket}</Bucket><KeyMarker>${escape(keyMarker)}</KeyMarker><UploadIdMarker>${idMarker}</UploadIdMarker><NextKeyMarker>${escape(last?.key ?? '')}</NextKeyMarker><NextUploadIdMarker>${last?.uploadId ?? ''}</NextUploadIdMarker><MaxUploads>${max}</MaxUploads><IsTruncated>${all.length > page.length}</IsTruncated>${items}</ListMultipartUploadsResult>`;
  };

  /** Performs the upload callback the request carries (`x-oss-callback`), as OSS would. */
  const runCallback = async (headers: Record<string, string>, key: string, size: number) => {
    if (!headers['x-oss-callback']) return undefined;
    const spec = JSON.parse(Buffer.from(headers['x-oss-callback'], 'base64').toString()) as {
      callbackUrl: string;
      callbackBody: string;
      callbackBodyType?: string;
    };
    const variables = headers['x-oss-callback-var']
      ? (JSON.parse(Buffer.from(headers['x-oss-callback-var'], 'base64').toString()) as Record<string, string>)
      : {};
    const values: Record<string, string> = { bucket, object: key, size: String(size), ...variables };
    const callbackBody = spec.callbackBody.replace(/\$\{([^}]+)\}/g, (_, name: string) => values[name] ?? '');
    const sent = await fetch(spec.callbackUrl, {
      method: 'POST',
      headers: { 'Content-Type': spec.callbackBodyType ?? 'application/x-www-form-urlencoded' },
      body: callbackBody,
    });
    const text = await sent.text();
    return sent.ok
      ? { status: 200, body: text }
      : { status: 203, body: errorXml('CallbackFailed', `The callback answered ${sent.status}.`) };
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bucket,
    region,
    credentials,
    calls,
    object: (key) => objects.get(key),
    openUploads: () => [...uploads.keys()],
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
