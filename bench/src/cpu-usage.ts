import { readdir, readFile } from 'node:fs/promises';

/** CPU seconds spent since a {@link CpuMeter} started. */
export interface CpuSeconds {
  /** Every process of the browser: the browser process, the network service, GPU, renderers. */
  readonly browser: number;
  /** Of those, the renderers' dedicated Worker threads (where Ferry hashes). */
  readonly workers: number;
  /** This Node process: the sink (and the driver's side of Playwright). */
  readonly sink: number;
}

/** Linux reports process and thread times in clock ticks of 1/100 s (USER_HZ). */
const TICK = 0.01;

/** utime + stime of a /proc stat line, in seconds (fields 14 and 15, after the parenthesised name). */
function statSeconds(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK;
}

async function read(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch(() => undefined);
}

/** Pids of `root` and every process below it. */
async function tree(root: number): Promise<number[]> {
  const parents = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await read(`/proc/${entry}/stat`);
    if (stat) parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parents.get(p)) if (p === root) return true;
    return false;
  };
  return [...parents.keys()].filter(inTree);
}

/** CPU seconds per process and per dedicated Worker thread (keyed `pid` and `pid/tid`). */
async function snapshot(root: number): Promise<{ processes: Map<number, number>; workers: Map<string, number> }> {
  const processes = new Map<number, number>();
  const workers = new Map<string, number>();
  for (const pid of await tree(root)) {
    const stat = await read(`/proc/${pid}/stat`);
    if (!stat) continue;
    processes.set(pid, statSeconds(stat));
    const cmdline = (await read(`/proc/${pid}/cmdline`)) ?? '';
    if (!cmdline.includes('--type=renderer')) continue;
    for (const tid of await readdir(`/proc/${pid}/task`).catch(() => [] as string[])) {
      // Chromium names them "DedicatedWorker thread"; comm keeps 15 characters.
      if ((await read(`/proc/${pid}/task/${tid}/comm`))?.trim() !== 'DedicatedWorker') continue;
      const threadStat = await read(`/proc/${pid}/task/${tid}/stat`);
      if (threadStat) workers.set(`${pid}/${tid}`, statSeconds(threadStat));
    }
  }
  return { processes, workers };
}

/** What grew from `before` to `after`; an entry that is new counts from zero. */
function grown<K>(before: Map<K, number>, after: Map<K, number>): number {
  let total = 0;
  for (const [key, seconds] of after) total += seconds - (before.get(key) ?? 0);
  return total;
}

/**
 * Measures the CPU time a run costs: the browser's processes (found under `root`, the browser
 * process, through /proc), its Worker threads, and this process. Call `stop` before the page
 * closes: a process or thread gone by then is not counted.
 */
export async function startCpuMeter(root: number): Promise<{ stop(): Promise<CpuSeconds> }> {
  const before = await snapshot(root);
  const sinkBefore = process.cpuUsage();
  return {
    async stop() {
      const sink = process.cpuUsage(sinkBefore);
      const after = await snapshot(root);
      return {
        browser: grown(before.processes, after.processes),
        workers: grown(before.workers, after.workers),
        sink: (sink.user + sink.system) / 1e6,
      };
    },
  };
}
