// The signing server under test, in a process of its own (the bench pins it to one core):
//   node signing-target.js ferry|companion STORE_ENDPOINT
// prints `{"port":N}` once listening; answers {type:'memory'} messages (IPC) with its memory
// after a full garbage collection (run with --expose-gc).
import { createFerryHandler, createS3Provider, toNodeListener } from '@ferry/server';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The bench's store credentials (the STORE FAKE checks nothing). */
export const BENCH_STORE = {
  bucket: 'bench',
  region: 'us-east-1',
  credentials: { accessKeyId: 'BENCHKEY', secretAccessKey: 'BENCHSECRET' },
};

/** The secret Ferry's tokens are signed with; the bench needs it to forge nothing but bad tokens. */
export const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret';

async function start(kind: string, endpoint: string): Promise<number> {
  const store = { ...BENCH_STORE, endpoint };
  if (kind === 'companion') {
    // Imported only here, so Ferry's process loads nothing of Companion's.
    const { startCompanion } = await import('@ferry/testing/companion');
    const companion = await startCompanion(store);
    return Number(new URL(companion.origin).port);
  }
  const handler = createFerryHandler({
    provider: createS3Provider({ ...store, forcePathStyle: true }),
    secret: BENCH_SECRET,
    basePath: '/api/uploads',
    companion: true,
    onError: () => undefined,
  });
  const server = createServer(toNodeListener(handler));
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const [kind = 'ferry', endpoint = ''] = process.argv.slice(2);
process.on('message', (message: { type?: string }) => {
  if (message.type !== 'memory') return;
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  process.send?.({ rss, heapUsed });
});
const port = await start(kind, endpoint);
console.log(JSON.stringify({ port }));
