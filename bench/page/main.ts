import { ferry, raw, uppy, type Client, type RunOptions } from './clients.js';

/** What one run measured in the page. */
export interface PageResult {
  readonly ms: number;
  /** Peak JS heap, bytes; 0 where the engine does not tell (`performance.memory` is Chromium's). */
  readonly peakHeap: number;
  /** Long tasks (over 50 ms); null where the engine has no Long Tasks API (Firefox, WebKit). */
  readonly longTasks: number | null;
  /** The longest a 10 ms timer was late: the worst main-thread stall, in every engine. */
  readonly maxLagMs: number;
}

// ferry-sum is Ferry with the run's checksums (RunOptions.checksums) on.
const clients: Record<string, Client> = { raw, uppy, ferry, 'ferry-sum': ferry };

declare global {
  interface Window {
    bench: { run(client: string, options: RunOptions): Promise<PageResult> };
  }
  interface Performance {
    memory?: { usedJSHeapSize: number };
  }
}

window.bench = {
  async run(name, options) {
    const files = [...(document.querySelector<HTMLInputElement>('#files')!.files ?? [])];
    const client = clients[name];
    if (!client) throw new Error(`no client ${name}`);
    (globalThis as { gc?: () => void }).gc?.();
    // The forced collection in a task of its own, before the long-task observer starts: otherwise
    // it shares one task with the client's first steps, and counts as the client's long task.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const hasLongTasks = PerformanceObserver.supportedEntryTypes.includes('longtask');
    let longTasks = 0;
    const observer = new PerformanceObserver((list) => (longTasks += list.getEntries().length));
    if (hasLongTasks) observer.observe({ type: 'longtask' });
    let peakHeap = performance.memory?.usedJSHeapSize ?? 0;
    const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, performance.memory?.usedJSHeapSize ?? 0)), 50);
    let maxLagMs = 0;
    let last = performance.now();
    const lag = setInterval(() => {
      const now = performance.now();
      maxLagMs = Math.max(maxLagMs, now - last - 10);
      last = now;
    }, 10);
    const start = performance.now();
    try {
      await client(files, options);
    } finally {
      clearInterval(sampler);
      clearInterval(lag);
    }
    const ms = performance.now() - start;
    peakHeap = Math.max(peakHeap, performance.memory?.usedJSHeapSize ?? 0);
    observer.takeRecords();
    observer.disconnect();
    return { ms, peakHeap, longTasks: hasLongTasks ? longTasks : null, maxLagMs };
  },
};
