import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The STORE FAKE's fixed answers (S3's XML), the same for every upload. */
const UPLOAD_ID = 'bench-upload-id';
const ETAG = '"0123456789abcdef0123456789abcdef"';
const XML = '<?xml version="1.0" encoding="UTF-8"?>';

/** A running {@link startStoreFake}. */
export interface StoreFake {
  readonly endpoint: string;
  /** Calls answered, by operation. */
  readonly calls: Map<string, number>;
  close(): Promise<void>;
}

function answer(method: string, url: URL): { operation: string; status: number; body: string } {
  const key = url.pathname.split('/').slice(2).join('/');
  if (method === 'POST' && url.searchParams.has('uploads')) {
    const body = `${XML}<InitiateMultipartUploadResult><Bucket>bench</Bucket><Key>${key}</Key><UploadId>${UPLOAD_ID}</UploadId></InitiateMultipartUploadResult>`;
    return { operation: 'create', status: 200, body };
  }
  if (method === 'GET' && url.searchParams.has('uploadId')) {
    const body = `${XML}<ListPartsResult><Bucket>bench</Bucket><Key>${key}</Key><UploadId>${UPLOAD_ID}</UploadId><IsTruncated>false</IsTruncated><Part><PartNumber>1</PartNumber><ETag>${ETAG}</ETag><Size>1048576</Size></Part></ListPartsResult>`;
    return { operation: 'list-parts', status: 200, body };
  }
  if (method === 'POST' && url.searchParams.has('uploadId')) {
    const body = `${XML}<CompleteMultipartUploadResult><Location>${url.origin}/bench/${key}</Location><Bucket>bench</Bucket><Key>${key}</Key><ETag>${ETAG}</ETag></CompleteMultipartUploadResult>`;
    return { operation: 'complete', status: 200, body };
  }
  if (method === 'DELETE') return { operation: 'abort', status: 204, body: '' };
  return { operation: 'other', status: 400, body: `${XML}<Error><Code>NotImplemented</Code></Error>` };
}

/**
 * A STORE FAKE for the signing-server bench: it answers S3's CreateMultipartUpload, ListParts,
 * CompleteMultipartUpload and AbortMultipartUpload at once, with fixed XML, checking nothing
 * (no signature, no upload state). It stands in for the store so that the bench measures the
 * signing server's own cost, the same for `@ferry/server` and Companion, not a store's.
 */
export async function startStoreFake(): Promise<StoreFake> {
  const calls = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const { operation, status, body } = answer(request.method ?? 'GET', new URL(request.url ?? '/', 'http://fake'));
      calls.set(operation, (calls.get(operation) ?? 0) + 1);
      response.writeHead(status, { 'Content-Type': 'application/xml', ETag: ETAG });
      response.end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
