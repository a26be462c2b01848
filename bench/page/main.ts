import { ferry, raw, uppy, type Client, type RunOptions } from './clients.js';

/** What one run measured in the page. */
export interface PageResult {
  readonly ms: number;
  readonly peakHeap: number;
  readonly longTasks: number;
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
    let longTasks = 0;
    const observer = new PerformanceObserver((list) => (longTasks += list.getEntries().length));
    observer.observe({ type: 'longtask' });
    let peakHeap = performance.memory?.usedJSHeapSize ?? 0;
    const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, performance.memory?.usedJSHeapSize ?? 0)), 50);
    const start = performance.now();
    try {
      await client(files, options);
    } finally {
      clearInterval(sampler);
    }
    const ms = performance.now() - start;
    peakHeap = Math.max(peakHeap, performance.memory?.usedJSHeapSize ?? 0);
    observer.takeRecords();
    observer.disconnect();
    return { ms, peakHeap, longTasks };
  },
};
