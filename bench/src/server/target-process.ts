import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** A signing server running in its own process. */
export interface TargetProcess {
  readonly origin: string;
  readonly pid: number;
  /** Its RSS and V8 heap in use, bytes, after a full garbage collection. */
  memory(): Promise<{ rss: number; heapUsed: number }>;
  close(): Promise<void>;
}

/**
 * Starts `signing-target.js` for `kind` (`ferry` or `companion`), pinned to `cpu` with taskset
 * when given, and waits until it listens.
 */
export async function startTarget(kind: string, storeEndpoint: string, cpu: number | undefined): Promise<TargetProcess> {
  const script = fileURLToPath(new URL('signing-target.js', import.meta.url));
  const node = [process.execPath, '--expose-gc', script, kind, storeEndpoint];
  const [command, ...args] = cpu === undefined ? node : ['taskset', '-c', String(cpu), ...node];
  const child: ChildProcess = spawn(command!, args, { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The ${kind} signing server exited (${code}) before listening.`)));
    // Its first line of JSON names the port; Companion's own log lines are read and dropped.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('{"port"')) resolve((JSON.parse(line) as { port: number }).port);
    });
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    memory: () =>
      new Promise((resolve) => {
        child.once('message', (message) => resolve(message as { rss: number; heapUsed: number }));
        child.send({ type: 'memory' });
      }),
    close: async () => {
      child.removeAllListeners('exit');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    },
  };
}
