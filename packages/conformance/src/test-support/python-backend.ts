import type { LocalStore } from '@ferry/local-store';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { METADATA_NAME } from './conformance-store.js';
import type { RunningBackend } from './ferry-server-backend.js';

const SERVER = fileURLToPath(new URL('../../../../examples/python-backend/server.py', import.meta.url));

/**
 * Starts `examples/python-backend/server.py` (python3 with Debian's python3-boto3) on a free
 * loopback port, signing for `store`; resolves once it prints its URL.
 */
export async function startPythonBackend(store: LocalStore): Promise<RunningBackend> {
  const child = spawn('python3', [SERVER, '--port', '0'], {
    env: {
      ...process.env,
      FERRY_BUCKET: store.bucket,
      FERRY_ENDPOINT: store.endpoint,
      FERRY_REGION: store.region,
      FERRY_ACCESS_KEY_ID: store.credentials.accessKeyId,
      FERRY_SECRET_ACCESS_KEY: store.credentials.secretAccessKey,
      FERRY_SECRET: 'python-secret-python-secret-python-secret',
      FERRY_METADATA: METADATA_NAME,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let printed = '';
    child.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const found = /(http:\/\/\S+)/.exec(printed);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the Python backend exited (${code}) before listening:\n${errors}`)));
    child.once('error', reject);
  });
  return {
    url,
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
