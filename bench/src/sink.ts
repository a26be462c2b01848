import { combineCrc64, Crc64 } from '@ferry/core/checksums';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

/** What the sink saw during one client's run. */
export interface SinkStats {
  /** Requests for URLs: part signing (batch or one) and single-PUT params. */
  signRequests: number;
  /** Most uploads (PUT or POST of bytes) being received at once. */
  maxInFlight: number;
  /** Bytes received in upload bodies. */
  bytes: number;
  /** Objects completed (multipart) or stored (single). */
  objects: number;
  /** What did not add up: a completed part list or size that does not match what was sent. */
  problems: string[];
}

interface Upload {
  readonly key: string;
  readonly parts: Map<number, number>;
  /** Each part's CRC-64, when the sink answers them (`crc64`). */
  readonly crcs: Map<number, bigint>;
}

/** The header that carries a signed checksum, by algorithm (what a signer returns for the browser to send). */
const CHECKSUM_HEADER: Record<string, string> = {
  md5: 'Content-MD5',
  sha256: 'x-amz-checksum-sha256',
  crc32c: 'x-amz-checksum-crc32c',
};

/**
 * A local stand-in for a store and its signing endpoint, for benchmarks only: it speaks the
 * endpoint protocol (Ferry's batch route and Uppy Companion's routes, under `/s3`) and accepts
 * part PUTs and form POSTs, discarding the bytes but checking sizes and completed part lists.
 * Every answer can be delayed by `latency` ms to stand for a distant store.
 */
export class BenchSink {
  private server: Server | undefined;
  private origin = '';
  private uploads = new Map<string, Upload>();
  private inFlight = 0;
  private nextId = 1;
  private completedSizes: number[] = [];
  stats: SinkStats = BenchSink.emptyStats();
  /** Delay added to every answer, in ms. */
  latency = 0;
  /** Answer each body's CRC-64/ECMA (`x-oss-hash-crc64ecma`) and the object's at completion, as OSS does. */
  crc64 = false;

  constructor(private readonly pageDir: string) {}

  private static emptyStats(): SinkStats {
    return { signRequests: 0, maxInFlight: 0, bytes: 0, objects: 0, problems: [] };
  }

  /** Clears the counters before a run. */
  reset(): SinkStats {
    const previous = this.stats;
    this.stats = BenchSink.emptyStats();
    this.uploads.clear();
    return previous;
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        this.stats.problems.push(String(error));
        response.statusCode = 500;
        response.end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.origin;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.origin);
    const path = url.pathname;
    const method = request.method ?? 'GET';
    if (path.startsWith('/sink/')) return this.receive(path, method, request, response);
    if (path.startsWith('/s3/')) return this.sign(url, method, request, response);
    return this.serveStatic(path, response);
  }

  private async receive(
    path: string,
    method: string,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    this.stats.maxInFlight = Math.max(this.stats.maxInFlight, ++this.inFlight);
    let size = 0;
    const crc = this.crc64 ? new Crc64() : undefined;
    try {
      for await (const chunk of request as AsyncIterable<Buffer>) {
        size += chunk.length;
        crc?.update(chunk);
      }
    } finally {
      this.inFlight--;
    }
    this.stats.bytes += size;
    const [, , kind, id = '', part] = path.split('/');
    if (kind === 'part') {
      this.uploads.get(id)?.parts.set(Number(part), size);
      if (crc) this.uploads.get(id)?.crcs.set(Number(part), crc.value);
    } else this.stats.objects++;
    await this.delay();
    response.writeHead(method === 'POST' ? 204 : 200, {
      ETag: `"${id}-${part ?? 0}-${size}"`,
      ...(crc ? { 'x-oss-hash-crc64ecma': String(crc.value) } : {}),
    });
    response.end();
  }

  private async sign(url: URL, method: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const segments = url.pathname.split('/').slice(2); // after /s3
    const body = method === 'POST' ? await readJson(request) : {};
    let answer: unknown;
    if (segments[0] === 'params') {
      this.stats.signRequests++;
      const id = `o${this.nextId++}`;
      const objectKey = `bench/${id}/${url.searchParams.get('filename') ?? 'file'}`;
      // Ferry PUTs to `url` with `headers`; Uppy POSTs a form with `fields`.
      // A checksum the page asked to have signed comes back as the header to send (nothing is verified).
      const [algorithm = '', value = ''] = (url.searchParams.get('checksum') ?? '').split(/:(.*)/);
      const headers = CHECKSUM_HEADER[algorithm] ? { [CHECKSUM_HEADER[algorithm]]: value } : {};
      answer = {
        method: 'PUT',
        url: `${this.origin}/sink/object/${id}`,
        headers,
        key: objectKey,
        fields: { key: objectKey },
      };
    } else if (segments.length === 1 && method === 'POST') {
      const uploadId = `u${this.nextId++}`;
      const upload: Upload = {
        key: `bench/${uploadId}/${typeof body['filename'] === 'string' ? body['filename'] : 'file'}`,
        parts: new Map(),
        crcs: new Map(),
      };
      this.uploads.set(uploadId, upload);
      answer = { uploadId, key: upload.key, token: 'bench' };
    } else if (segments[2] === 'batch') {
      this.stats.signRequests++;
      const numbers = (body['partNumbers'] as number[] | undefined) ?? [];
      const checksums = body['checksums'] as { algorithm: string; values: Record<string, string> } | undefined;
      const header = CHECKSUM_HEADER[checksums?.algorithm ?? ''];
      answer = {
        parts: numbers.map((partNumber) => ({
          partNumber,
          url: `${this.origin}/sink/part/${segments[1]}/${partNumber}`,
          headers: header ? { [header]: checksums!.values[partNumber] } : {},
          expiresAt: Date.now() + 3_600_000,
        })),
      };
    } else if (segments[2] === 'complete') {
      answer = this.complete(segments[1] ?? '', body);
    } else if (segments.length === 3 && method === 'GET') {
      this.stats.signRequests++;
      answer = { url: `${this.origin}/sink/part/${segments[1]}/${segments[2]}`, expires: 3600, headers: {} };
    } else if (method === 'DELETE') {
      this.uploads.delete(segments[1] ?? '');
      answer = {};
    } else {
      answer = [];
    }
    await this.delay();
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(answer));
  }

  /** Checks the completed part list against what was received; a mismatch is recorded as a problem. */
  private complete(uploadId: string, body: Record<string, unknown>): unknown {
    const upload = this.uploads.get(uploadId);
    const listed = (body['parts'] as { PartNumber: number }[] | undefined) ?? [];
    if (!upload) {
      this.stats.problems.push(`complete of unknown upload ${uploadId}`);
      return {};
    }
    const numbers = listed.map((part) => part.PartNumber);
    if (numbers.some((n, i) => n !== i + 1) || numbers.length !== upload.parts.size) {
      this.stats.problems.push(
        `upload ${uploadId}: completed parts ${numbers.length} != received ${upload.parts.size}`,
      );
    }
    const sizes = numbers.map((n) => upload.parts.get(n) ?? -1);
    if (sizes.slice(0, -1).some((size) => size !== sizes[0]))
      this.stats.problems.push(`upload ${uploadId}: unequal parts`);
    this.stats.objects++;
    this.completedSizes.push(sizes.reduce((a, b) => a + b, 0));
    const crc64 = this.crc64
      ? numbers.reduce((whole, n) => combineCrc64(whole, upload.crcs.get(n) ?? 0n, upload.parts.get(n) ?? 0), 0n)
      : undefined;
    return {
      location: `${this.origin}/${upload.key}`,
      key: upload.key,
      bucket: 'bench',
      ...(crc64 === undefined ? {} : { crc64: String(crc64) }),
    };
  }

  /** Total size of each multipart object completed since the last call. */
  takeCompletedSizes(): number[] {
    return this.completedSizes.splice(0);
  }

  private delay(): Promise<void> {
    return this.latency > 0 ? new Promise((resolve) => setTimeout(resolve, this.latency)) : Promise.resolve();
  }

  private async serveStatic(path: string, response: ServerResponse): Promise<void> {
    const file = join(this.pageDir, normalize(path === '/' ? '/index.html' : path).replace(/^(\.\.[/\\])+/, ''));
    try {
      await stat(file);
    } catch {
      response.writeHead(404);
      response.end();
      return;
    }
    const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
    response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  }
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request as AsyncIterable<Buffer>) text += chunk.toString();
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
