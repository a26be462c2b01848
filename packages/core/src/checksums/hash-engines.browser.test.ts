// Which code hashes, in every engine: hash-wasm's WebAssembly where the page may compile it, and
// Ferry's JavaScript where the page's CSP refuses WebAssembly ('wasm-unsafe-eval' missing from
// script-src). Both give node:crypto's digests (fixed below), and the store accepts what they sign.
import { sha256Hex, storedSha256, untilSettled } from '@ferry/testing/browser';
import type { BrowserStackConfig } from '@ferry/testing/web-test-runner';
import { expect } from '@open-wc/testing';
import { Uploader } from '../index.js';
import {
  createInlineHasher,
  createWorkerHasher,
  withChecksums,
  type ChecksumOptions,
  type PartHasher,
} from './index.js';

const stackUrl = '/__ferry/stack.js';
const stack = ((await import(/* @vite-ignore */ stackUrl)) as { default: BrowserStackConfig }).default;
const MiB = 1024 * 1024;

/** 3 MiB + 7 bytes of xorshift32 from 0x9e3779b9: a fixed body, long enough for every code path. */
function fixedBody(): Blob {
  const bytes = new Uint8Array(3 * MiB + 7);
  let x = 0x9e3779b9;
  for (let i = 0; i < bytes.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return new Blob([bytes]);
}

/** The fixed body's digests, from node:crypto (MD5, SHA-256) and bit-by-bit CRCs. */
const EXPECTED = {
  md5: 'wPMIxjlcW8830it2Ig0qKw==',
  sha256: 'AFNDgcy4fLEMklAim3vxhPKIfd/CJt5m9fKf2mw7yLY=',
  crc32c: 'QAEoIg==',
  crc64: '4469930033133357137',
};

const digestAll = (hasher: PartHasher, blob: Blob) =>
  hasher.digest(blob, ['md5', 'sha256', 'crc32c', 'crc64'], new AbortController().signal);

/** The smallest valid WebAssembly module. */
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const pageCompiles = (): Promise<boolean> =>
  WebAssembly.compile(EMPTY_MODULE).then(
    () => true,
    () => false,
  );

/** A module script at a `blob:` URL: a Worker started from it runs under the policy of the page that starts it. */
const blobScript = (source: string): string => URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));

/** What a frame below offers: Ferry's hashers, made in a realm where WebAssembly is refused or missing. */
interface RefusingRealm {
  createInlineHasher: typeof createInlineHasher;
  createWorkerHasher: typeof createWorkerHasher;
  /** Whether the frame may compile WebAssembly. */
  compiles(): Promise<boolean>;
  /** Whether a module Worker the frame starts from `url` may compile WebAssembly. */
  workerCompiles(url: string): Promise<boolean>;
}

/** The page's document, as much of it as this file uses (core compiles without the DOM library). */
const { document } = globalThis as unknown as {
  document: {
    createElement(tag: 'iframe'): { srcdoc: string; contentWindow: { ferry?: RefusingRealm } | null; remove(): void };
    body: { append(node: unknown): void };
  };
};

/**
 * A same-origin frame with Ferry's checksums module loaded in it, where WebAssembly is refused by
 * the page's policy (`csp`: script-src without 'wasm-unsafe-eval', in the markup, where every engine
 * applies it) or missing altogether (`missing`: as in Safari's Lockdown Mode; the frame and its
 * workers delete the WebAssembly global before loading Ferry). `hashWorkerUrl` is Ferry's hash
 * worker for the frame to start, and `probeUrl` a worker that answers whether it can compile.
 */
async function refusingRealm(how: 'csp' | 'missing') {
  const checksums = new URL('./index.js', import.meta.url).href;
  const removal = how === 'missing' ? 'delete globalThis.WebAssembly;' : '';
  // Static imports run in order: the removal first, and the hash worker sets onmessage before its first message.
  const first = removal ? `import ${JSON.stringify(blobScript(removal))};` : '';
  const compiles = `(typeof WebAssembly === 'object' ? WebAssembly.compile(new Uint8Array([${EMPTY_MODULE.join(',')}])).then(() => true, () => false) : Promise.resolve(false))`;
  const hashWorkerUrl = blobScript(
    `${first} import ${JSON.stringify(new URL('./hash-worker.js', import.meta.url).href)};`,
  );
  const probeUrl = blobScript(`${first} ${compiles}.then(postMessage);`);
  // Firefox takes 'self' in a srcdoc frame's policy for the frame's own about:srcdoc: name the origin too.
  const policy =
    how === 'csp'
      ? `<meta http-equiv="Content-Security-Policy" content="script-src 'self' ${location.origin} 'unsafe-inline' blob:">`
      : '';
  const frame = document.createElement('iframe');
  frame.srcdoc = `${policy}
<script type="module">
  ${removal}
  const { createInlineHasher, createWorkerHasher } = await import(${JSON.stringify(checksums)});
  window.ferry = {
    createInlineHasher,
    createWorkerHasher,
    compiles: () => ${compiles},
    workerCompiles: (url) => new Promise((resolve) => {
      const worker = new Worker(url, { type: 'module' });
      worker.onmessage = ({ data }) => (worker.terminate(), resolve(data));
    }),
  };
</script>`;
  document.body.append(frame);
  for (let i = 0; i < 200 && !frame.contentWindow?.ferry; i++) await new Promise((resolve) => setTimeout(resolve, 25));
  const realm = frame.contentWindow?.ferry;
  if (!realm) throw new Error('the frame did not load Ferry’s checksums module');
  return { realm, hashWorkerUrl, probeUrl, close: () => frame.remove() };
}

/** WebKitGTK 2.50 applies the policy (eval is refused) but compiles WebAssembly under it all the same. */
const cspRefusesWasm = !(/AppleWebKit/.test(navigator.userAgent) && !/Chrome/.test(navigator.userAgent));

/** Uploads `file` with `checksums`, which the store verifies (S3: Content-MD5, x-amz-checksum-*). */
async function upload(file: File, checksums: ChecksumOptions) {
  const uploader = new Uploader(withChecksums({ endpoint: stack.endpoint, partSize: 5 * MiB }, checksums));
  const { id } = uploader.add(file);
  return untilSettled(uploader, id);
}

describe('hash engines', () => {
  describe('where WebAssembly may run: hash-wasm', () => {
    it('the hash worker and the page’s own hasher give node:crypto’s digests', async () => {
      expect(await pageCompiles()).to.equal(true);
      const worker = createWorkerHasher();
      expect(await digestAll(worker, fixedBody())).to.deep.equal(EXPECTED);
      expect(await digestAll(createInlineHasher(), fixedBody())).to.deep.equal(EXPECTED);
      worker.close?.();
    });
  });

  for (const how of ['csp', 'missing'] as const) {
    const where =
      how === 'csp' ? 'a page whose CSP lacks wasm-unsafe-eval' : 'a page without WebAssembly (Lockdown Mode)';
    describe(`${where}: JavaScript`, () => {
      let frame: Awaited<ReturnType<typeof refusingRealm>>;
      before(async () => (frame = await refusingRealm(how)));
      after(() => frame.close());

      it(
        how === 'csp'
          ? 'the page and a worker it starts from a blob: URL cannot compile WebAssembly (WebKitGTK: can)'
          : 'the page and its workers have no WebAssembly',
        async () => {
          const refused = how === 'missing' || cspRefusesWasm;
          expect(await frame.realm.compiles()).to.equal(!refused);
          expect(await frame.realm.workerCompiles(frame.probeUrl)).to.equal(!refused);
        },
      );

      it('the page’s own hasher gives node:crypto’s digests, and the store accepts the MD5 and CRC-32C it signs', async () => {
        expect(await digestAll(frame.realm.createInlineHasher(), fixedBody())).to.deep.equal(EXPECTED);
        for (const algorithm of ['md5', 'crc32c'] as const) {
          const file = new File([fixedBody()], `${algorithm}-${how}.bin`);
          const done = await upload(file, { algorithm, hasher: frame.realm.createInlineHasher() });
          expect(done.state, done.error?.message).to.equal('done');
          expect(await storedSha256(done.key!)).to.equal(await sha256Hex(file));
        }
      });

      it('a hash worker there gives the same digests, and a multipart upload through it is verified by the store', async () => {
        const hasher = frame.realm.createWorkerHasher({ workerUrl: frame.hashWorkerUrl });
        expect(await digestAll(hasher, fixedBody())).to.deep.equal(EXPECTED);
        const file = new File([fixedBody(), fixedBody(), fixedBody()], `md5-${how}-worker.bin`);
        const done = await upload(file, { algorithm: 'md5', hasher });
        expect(done.state, done.error?.message).to.equal('done');
        expect(done.method).to.equal('multipart');
        expect(await storedSha256(done.key!)).to.equal(await sha256Hex(file));
        hasher.close?.();
      });
    });
  }
});
