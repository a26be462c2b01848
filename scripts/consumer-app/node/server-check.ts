// Node, from the tarballs: @ferry/local-store starts a store, @ferry/server presigns a PUT for it
// (the README's handler), the bytes go up and come back through a presigned GET, and a body the
// signature does not cover is refused. Typechecked (NodeNext), compiled and run by consumer-test.mjs.
import type { SinglePutParams } from '@ferry/core';
import { startLocalStore } from '@ferry/local-store';
import { createFerryHandler, createS3Provider, isServerError, type FerryHandler } from '@ferry/server';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

// Every subpath of the engine imports in Node (it is DOM-free).
for (const entry of [
  '@ferry/core',
  '@ferry/core/fetch',
  '@ferry/core/resume',
  '@ferry/core/checksums',
  '@ferry/core/adaptive-concurrency',
]) {
  const module: Record<string, unknown> = await import(entry);
  assert.ok(Object.keys(module).length > 0, `${entry} exports nothing`);
}
assert.equal(typeof isServerError, 'function');

const directory = await mkdtemp(join(tmpdir(), 'ferry-consumer-store-'));
const store = await startLocalStore({ directory });
try {
  const provider = createS3Provider({
    bucket: store.bucket,
    region: store.region,
    endpoint: store.endpoint,
    credentials: store.credentials,
  });
  const handler: FerryHandler = createFerryHandler({
    provider,
    secret: randomBytes(32).toString('hex'),
    basePath: '/api/uploads',
  });
  const body = randomBytes(256 * 1024 + 17);
  const query = new URLSearchParams({
    filename: 'from-node.bin',
    type: 'application/octet-stream',
    size: String(body.length),
  });
  const signing = await handler(new Request(`http://localhost/api/uploads/params?${query}`));
  assert.equal(signing.status, 200, await signing.clone().text());
  const params = (await signing.json()) as SinglePutParams;
  assert.match(params.key, /from-node\.bin$/);

  const refused = await fetch(params.url, {
    method: 'PUT',
    headers: { ...params.headers, 'Content-Type': 'text/plain' },
    body,
  });
  assert.equal(refused.status, 403, 'the store took a body whose Content-Type was not the signed one');
  await refused.arrayBuffer();

  const put = await fetch(params.url, { method: 'PUT', headers: params.headers, body });
  assert.equal(put.status, 200, await put.text());
  const { url } = await provider.presignGet!({ key: params.key, expiresIn: 60 });
  const stored = new Uint8Array(await (await fetch(url)).arrayBuffer());
  assert.equal(sha256(stored), sha256(body), 'the stored object is not the bytes sent');
  const anonymous = await fetch(`${store.endpoint}/${store.bucket}/${params.key}`);
  assert.equal(anonymous.status, 403, 'the store served an unsigned GET');
  console.log(
    `node: core's 5 entries import; ${params.key} stored through @ferry/server + @ferry/local-store, sha-256 ${sha256(body).slice(0, 12)}… matches; a wrong Content-Type and an unsigned GET are refused (403)`,
  );
} finally {
  await store.close();
  await rm(directory, { recursive: true, force: true });
}
