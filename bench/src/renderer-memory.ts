import { readdir, readFile } from 'node:fs/promises';

/** The pid of the browser process whose command line carries `marker` (renderers carry `--type=`). */
export async function browserPid(marker: string): Promise<number> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(marker) && !cmdline.includes('--type=')) return Number(entry);
  }
  throw new Error(`no browser process with ${marker}`);
}

/** Pids of every descendant of `root` whose command line says it is a Chromium renderer. */
async function rendererPids(root: number): Promise<number[]> {
  const parents = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      // Field 4 (ppid) follows the command name in parentheses, which may contain spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // the process ended meanwhile
    }
  }
  const isDescendant = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === root) return true;
    return false;
  };
  const renderers: number[] = [];
  for (const pid of parents.keys()) {
    if (!isDescendant(pid)) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes('--type=renderer')) renderers.push(pid);
  }
  return renderers;
}

async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/**
 * Samples the largest RSS among the renderers of the browser `root` every 100 ms until stopped.
 * The renderers are looked up once, at the start: call it after the page has loaded.
 */
export async function sampleRendererRss(root: number): Promise<{ stop(): Promise<number> }> {
  const pids = await rendererPids(root);
  let peak = 0;
  const stopped = new AbortController();
  const loop = (async () => {
    while (!stopped.signal.aborted) {
      for (const pid of pids) peak = Math.max(peak, await rssBytes(pid));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    async stop() {
      stopped.abort();
      await loop;
      return peak;
    },
  };
}
