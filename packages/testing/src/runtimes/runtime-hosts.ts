// Starts the same @ferry/server handler (runtime-handler.ts) in Node 20, Deno, Bun and workerd
// (the Cloudflare Workers runtime), each as an HTTP server on a free loopback port. Deno, Bun and
// workerd run one ES module bundled by esbuild for the browser/worker platform, the way Workers
// bundlers resolve packages, from the binaries their npm packages ship.
import { toNodeListener } from '@ferry/server';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSigningServer } from '../signing-server.js';
import { createRuntimeHandler, RUNTIME_BASE_PATH, type RuntimeHandlerConfig } from './runtime-handler.js';

/** The runtimes the handler suite runs in. */
export const RUNTIMES = ['node', 'deno', 'bun', 'workerd'] as const;

/** One of {@link RUNTIMES}. */
export type RuntimeName = (typeof RUNTIMES)[number];

/** A handler serving in a runtime. */
export interface RuntimeHost {
  readonly runtime: RuntimeName;
  /** What the runtime says it is (`deno 2.9.6`…), for the test names. */
  readonly version: string;
  /** The signing endpoint's base URL. */
  readonly endpoint: string;
  close(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** The binary an npm package ships (`deno`, `bun`, `workerd`), resolved from this package. */
function binaryOf(runtime: 'deno' | 'bun' | 'workerd'): string {
  const packageJson = require.resolve(`${runtime}/package.json`);
  const { bin } = require(packageJson) as { bin: string | Record<string, string> };
  const relative = typeof bin === 'string' ? bin : bin[runtime]!;
  return join(dirname(packageJson), relative);
}

/** What each runtime's entry adds around the handler: how it serves and says its port. */
const SERVE: Record<'deno' | 'bun' | 'workerd', string> = {
  deno: `Deno.serve({ hostname: '127.0.0.1', port: 0, onListen: ({ port }) => console.log('FERRY_PORT ' + port) }, handler);`,
  bun: `const server = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: handler }); console.log('FERRY_PORT ' + server.port);`,
  workerd: `export default { fetch: handler };`,
};

/** The handler and its runtime's wrapper as one ES module (no Node built-ins may be left in it). */
async function bundle(runtime: 'deno' | 'bun' | 'workerd', config: RuntimeHandlerConfig): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    stdin: {
      contents: `import { createRuntimeHandler } from './runtime-handler.js';\nconst handler = createRuntimeHandler(${JSON.stringify(config)});\n${SERVE[runtime]}\n`,
      resolveDir: here,
      sourcefile: `${runtime}-entry.ts`,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    target: 'es2022',
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

/** A free loopback port (for workerd, whose config names its socket's address). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** workerd's config: the worker, its socket, and an outbound network that may reach loopback (the store). */
function workerdConfig(port: number): string {
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2026-11-01",
  globalOutbound = "internet",
);
`;
}

/** Waits until `child` prints `FERRY_PORT n` (Deno, Bun) or answers on `port` (workerd). */
async function listening(child: ChildProcess, runtime: RuntimeName, port?: number): Promise<number> {
  let output = '';
  const printed = new Promise<number>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /FERRY_PORT (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`${runtime} exited with ${code} before listening:\n${output}`)));
  });
  if (port === undefined) return withTimeout(printed, runtime, () => output);
  const answered = (async () => {
    for (;;) {
      try {
        await fetch(`http://127.0.0.1:${port}/`);
        return port;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  })();
  return withTimeout(Promise.race([answered, printed]), runtime, () => output);
}

async function withTimeout<T>(promise: Promise<T>, runtime: string, output: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${runtime} did not start within 30 s:\n${output()}`)), 30_000);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function versionOf(runtime: RuntimeName, binary: string): Promise<string> {
  const child = spawn(binary, ['--version']);
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  await new Promise((resolve) => child.once('exit', resolve));
  const line = text.split('\n')[0]!.trim();
  return line.startsWith(runtime) ? line : `${runtime} ${line}`; // bun prints its version alone
}

/**
 * Serves the handler in `runtime`, signing for the store in `config`.
 * @example
 * ```ts
 * const host = await startRuntimeHost('deno', config);
 * await fetch(`${host.endpoint}/params?filename=a&size=1`);
 * ```
 */
export async function startRuntimeHost(runtime: RuntimeName, config: RuntimeHandlerConfig): Promise<RuntimeHost> {
  if (runtime === 'node') {
    const server = await startSigningServer(toNodeListener(createRuntimeHandler(config)), false);
    return {
      runtime,
      version: `node ${process.versions.node}`,
      endpoint: `${server.origin}${RUNTIME_BASE_PATH}`,
      close: () => server.close(),
    };
  }
  const directory = await mkdtemp(join(tmpdir(), `ferry-${runtime}-`));
  await writeFile(join(directory, 'worker.js'), await bundle(runtime, config));
  const binary = binaryOf(runtime);
  let child: ChildProcess;
  let port: number | undefined;
  if (runtime === 'deno') {
    child = spawn(binary, ['run', '--allow-net', '--no-prompt', join(directory, 'worker.js')], {
      env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
      detached: true,
    });
  } else if (runtime === 'bun') {
    child = spawn(binary, ['run', join(directory, 'worker.js')], {
      env: { ...process.env, NO_COLOR: '1' },
      detached: true,
    });
  } else {
    port = await freePort();
    await writeFile(join(directory, 'config.capnp'), workerdConfig(port));
    child = spawn(binary, ['serve', join(directory, 'config.capnp')], { cwd: directory, detached: true });
  }
  const closed = new Promise((resolve) => child.once('exit', resolve));
  // The npm packages' bins are Node shims that start the real binary as a child of their own, so
  // the whole process group is stopped: killing the shim alone left deno and workerd running.
  const stop = (): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    } catch {
      child.kill(); // the group is gone already, or was never made
    }
  };
  try {
    const listeningOn = await listening(child, runtime, port);
    return {
      runtime,
      version: await versionOf(runtime, binary),
      endpoint: `http://127.0.0.1:${listeningOn}${RUNTIME_BASE_PATH}`,
      async close() {
        stop();
        await closed;
        await rm(directory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    stop();
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
}
