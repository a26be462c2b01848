// Runs in Chromium (bundled by upload-page.ts): uploads random bytes with @ferry/core's Uploader
// through the endpoint it is given, and answers the stored key with the bytes' SHA-256.
import { Uploader } from '@ferry/core';

async function upload(endpoint: string, size: number): Promise<{ key: string; sha256: string }> {
  const bytes = new Uint8Array(size);
  for (let start = 0; start < size; start += 65_536) crypto.getRandomValues(bytes.subarray(start, start + 65_536));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const sha256 = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  const uploader = new Uploader({ endpoint, partSize: 5 * 1024 * 1024 });
  const key = await new Promise<string>((resolve, reject) => {
    uploader.on('complete', ({ upload: done }) => resolve(done.key ?? ''));
    uploader.on('error', ({ error }) => reject(new Error(String(error))));
    uploader.add(new File([bytes], 'browser.bin', { type: 'application/octet-stream' }));
  });
  return { key, sha256 };
}

(globalThis as unknown as { ferryUpload: typeof upload }).ferryUpload = upload;
