/** What one measured run saw in the page. */
export interface Measured {
  /** Wall time of the run, ms. */
  readonly ms: number;
  /** Peak JS heap, bytes; 0 where the engine does not tell (`performance.memory` is Chromium's). */
  readonly peakHeap: number;
  /** Long tasks (over 50 ms); null where the engine has no Long Tasks API (Firefox, WebKit). */
  readonly longTasks: number | null;
  /** The longest of those long tasks, ms (0 when there were none); null where the engine cannot tell. */
  readonly longestTaskMs: number | null;
  /** When each long task started (ms from the run's start) and how long it took: where they fall tells what caused them. */
  readonly longTaskTimes: readonly (readonly [at: number, ms: number])[];
  /** The longest a 10 ms timer was late: the worst main-thread stall, in every engine. */
  readonly maxLagMs: number;
}

declare global {
  interface Performance {
    memory?: { usedJSHeapSize: number };
  }
}

/**
 * Runs `work` and measures it from the page: long tasks, the worst main-thread stall (a 10 ms
 * timer's lateness), the peak JS heap (sampled every 50 ms), and its wall time. A garbage
 * collection first, where the page may force one (Chromium with `--js-flags=--expose-gc`).
 */
export async function measure(work: () => Promise<void>): Promise<Measured> {
  (globalThis as { gc?: () => void }).gc?.();
  // The forced collection in a task of its own, before the long-task observer starts: otherwise
  // it shares one task with the work's first steps, and counts as the work's long task.
  await new Promise((resolve) => setTimeout(resolve, 0));
  // The run's start, set once the samplers run; long tasks are reported from it.
  let start = performance.now();
  const hasLongTasks = PerformanceObserver.supportedEntryTypes.includes('longtask');
  let longTasks = 0;
  let longestTaskMs = 0;
  const longTaskTimes: [number, number][] = [];
  const count = (entries: PerformanceEntryList): void => {
    longTasks += entries.length;
    for (const entry of entries) {
      longestTaskMs = Math.max(longestTaskMs, entry.duration);
      longTaskTimes.push([entry.startTime - start, entry.duration]);
    }
  };
  const observer = new PerformanceObserver((list) => count(list.getEntries()));
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
  start = performance.now();
  try {
    await work();
  } finally {
    clearInterval(sampler);
    clearInterval(lag);
  }
  const ms = performance.now() - start;
  peakHeap = Math.max(peakHeap, performance.memory?.usedJSHeapSize ?? 0);
  // Long tasks are reported after they end: let the last one's entry arrive.
  await new Promise((resolve) => setTimeout(resolve, 100));
  count(observer.takeRecords());
  observer.disconnect();
  return {
    ms,
    peakHeap,
    longTasks: hasLongTasks ? longTasks : null,
    longestTaskMs: hasLongTasks ? longestTaskMs : null,
    longTaskTimes,
    maxLagMs,
  };
}
