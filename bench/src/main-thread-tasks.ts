/** What a trace says of the renderers' main-thread tasks: their CPU time, not their wall time. */
export interface MainThreadTasks {
  /** Tasks over 50 ms of wall time (what the Long Tasks API counts). */
  readonly overWall: number;
  /** Tasks over 50 ms of the main thread's own CPU time: the page's work, whatever else the machine runs. */
  readonly overCpu: number;
  /** The most CPU time one task took, ms. */
  readonly maxCpuMs: number;
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

/** The categories {@link mainThreadTasks} needs: `toplevel` has each task (`RunTask`) with its thread time. */
export const MAIN_THREAD_CATEGORIES = ['toplevel'];

/**
 * Reads a Chromium trace (JSON, recorded with {@link MAIN_THREAD_CATEGORIES}) for the tasks of
 * every renderer's main thread. On a machine other work shares, a task's wall time includes the
 * time the OS gave its core to others; its thread time (`tdur`) is what the page itself spent.
 */
export function mainThreadTasks(trace: Buffer): MainThreadTasks {
  const { traceEvents } = JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] };
  const main = new Set(
    traceEvents
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const tasks = traceEvents.filter(
    (event) =>
      event.ph === 'X' && event.name === 'ThreadControllerImpl::RunTask' && main.has(`${event.pid}:${event.tid}`),
  );
  return {
    overWall: tasks.filter((task) => (task.dur ?? 0) > 50_000).length,
    overCpu: tasks.filter((task) => (task.tdur ?? 0) > 50_000).length,
    maxCpuMs: Math.max(0, ...tasks.map((task) => (task.tdur ?? 0) / 1000)),
  };
}
