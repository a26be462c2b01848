import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** A signing server running in its own process. */
export interface TargetProcess {
  readonly origin: string;
  readonly pid: number;
  /** CPU time it has used so far (user + system), seconds, from /proc. */
  cpuSeconds(): number;
  /** Its RSS and V8 heap in use, bytes, after a full garbage collection. */
  memory(): Promise<{ rss: number; heapUsed: number }>;
  close(): Promise<void>;
}

/** Clock ticks per second, the unit of /proc's CPU times. */
const TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** User plus system CPU seconds of process `pid` (fields 14 and 15 of /proc/PID/stat). */
function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

/**
 * Starts `signing-target.js` for `kind` (`ferry` or `companion`), pinned to `cpu` with taskset
 * when given, and waits until it listens.
 */
export async function startTarget(
  kind: string,
  storeEndpoint: string,
  cpu: number | undefined,
): Promise<TargetProcess> {
  const script = fileURLToPath(new URL('signing-target.js', import.meta.url));
  const node = [process.execPath, '--expose-gc', script, kind, storeEndpoint];
  const [command, ...args] = cpu === undefined ? node : ['taskset', '-c', String(cpu), ...node];
  // taskset execs node in place, so the pid is the server's.
  const child: ChildProcess = spawn(command!, args, { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const killChild = () => child.kill();
  process.once('exit', killChild);
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
    cpuSeconds: () => cpuSecondsOf(child.pid!),
    memory: () =>
      new Promise((resolve) => {
        child.once('message', (message) => resolve(message as { rss: number; heapUsed: number }));
        child.send({ type: 'memory' });
      }),
    close: async () => {
      child.removeAllListeners('exit');
      process.off('exit', killChild);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    },
  };
}
