// `bash scripts/bench.sh thumbnails`: 300 photos of 4000×3000 added at once. <ferry-uploader manual>
// (thumbnails decoded small in a Worker, a few at a time) against the same files shown by plain
// <img src=objectURL width=40> tags, each run in a fresh page of its own browser context, rounds
// interleaved. See `--help`.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { launchBenchBrowser } from './bench-browser.js';
import { buildBenchPages } from './bench-page.js';
import type { CpuSeconds } from './cpu-usage.js';
import type { MainThreadTasks } from './main-thread-tasks.js';
import { photoFiles } from './photo-files.js';
import { BenchSink } from './sink.js';
import { unknownFlag, wholeNumber } from './cli-flags.js';

const USAGE = `usage: bash scripts/bench.sh thumbnails [options]
  --images N     photos added at once (default 300)
  --rounds N     interleaved rounds of each client (default 3)
  --timeout S    seconds a run may take before it counts as failed (default 300)
The photos (4000×3000 JPEGs, made once by Chromium's encoder) are kept in the system's temporary
directory and reused. Chromium only: the Long Tasks API, the renderer's memory and the trace of its
main thread (each task's own CPU time, apart from the time the OS gave its core to other work) are
Chromium's.`;

const WIDTH = 4000;
const HEIGHT = 3000;
const CLIENTS = ['ferry', 'plain'] as const;
type ThumbnailClient = (typeof CLIENTS)[number];

interface Options {
  readonly images: number;
  readonly rounds: number;
  readonly timeoutS: number;
}

function parse(argv: readonly string[]): Options {
  const options = { images: 300, rounds: 3, timeoutS: 300 };
  const number = (value: string | undefined, flag: string): number => wholeNumber(value, flag, USAGE);
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--images') options.images = number(argv[++i], flag);
    else if (flag === '--rounds') options.rounds = number(argv[++i], flag);
    else if (flag === '--timeout') options.timeoutS = number(argv[++i], flag);
    else unknownFlag(flag, USAGE);
  }
  return options;
}

/** What the page measured (page/measure.ts, page/thumbnails.ts). */
interface PageResult {
  readonly ms: number;
  readonly peakHeap: number;
  readonly longTasks: number | null;
  readonly longestTaskMs: number | null;
  readonly longTaskTimes: readonly (readonly [at: number, ms: number])[];
  readonly maxLagMs: number;
  readonly shown: number;
}

interface ThumbnailPage {
  thumbnails: { run(client: ThumbnailClient, timeoutMs: number): Promise<PageResult> };
}

interface RunResult extends PageResult {
  readonly client: ThumbnailClient;
  readonly round: number;
  readonly peakRss: number | undefined;
  readonly cpu: CpuSeconds | undefined;
  readonly tasks: MainThreadTasks | undefined;
}

const MiB = 1024 * 1024;
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const max = (values: number[]): number => Math.max(...values);

async function main(options: Options): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'ferry-bench-'));
  const pageOut = join(work, 'page');
  await buildBenchPages(pageOut);
  const sink = new BenchSink(pageOut);
  const origin = await sink.start();
  const pageUrl = `${origin}/thumbnails.html`;
  const browser = await launchBenchBrowser('chromium');
  const loadBefore = loadavg()[0]!;
  const results: RunResult[] = [];
  let photoBytes = 0;
  try {
    const paths = await photoFiles(browser, pageUrl, options.images, WIDTH, HEIGHT);
    for (const path of paths) photoBytes += (await stat(path)).size;
    for (let round = 0; round < options.rounds; round++) {
      // Interleaved: each round starts with the other client, so drift hits both alike.
      const order = round % 2 ? [...CLIENTS].reverse() : CLIENTS;
      for (const client of order) {
        const page = await browser.newPage();
        await page.goto(pageUrl);
        await page.setInputFiles("document.querySelector('#files')", paths);
        const rss = await browser.sampleRss();
        const cpu = await browser.meterCpu();
        const trace = await browser.traceMainThread();
        const measured = await page.evaluate(
          ({ client, timeoutMs }) => (globalThis as unknown as ThumbnailPage).thumbnails.run(client, timeoutMs),
          { client, timeoutMs: options.timeoutS * 1000 },
        );
        const tasks = await trace.stop();
        const cpuSeconds = await cpu.stop();
        const peakRss = await rss.stop();
        await page.close();
        if (measured.shown !== paths.length)
          throw new Error(`${client}, round ${round + 1}: ${measured.shown} of ${paths.length} images shown`);
        results.push({ client, round, ...measured, peakRss, cpu: cpuSeconds, tasks });
        process.stderr.write(
          `round ${round + 1}/${options.rounds} ${client}: ${(measured.ms / 1000).toFixed(1)} s, ` +
            `${measured.longTasks ?? 'n/a'} long tasks (longest ${measured.longestTaskMs?.toFixed(0) ?? 'n/a'} ms), ` +
            `heap ${(measured.peakHeap / MiB).toFixed(0)} MiB, RSS ${peakRss === undefined ? 'n/a' : (peakRss / MiB).toFixed(0)} MiB` +
            (tasks
              ? `; main-thread tasks over 50 ms: ${tasks.overWall} of wall time, ${tasks.overCpu} of CPU time (most ${tasks.maxCpuMs.toFixed(0)} ms CPU)`
              : '') +
            '\n',
        );
        // Where the long tasks fell (seconds into the run, and their length): at the start is adding, later thumbnails.
        if (measured.longTaskTimes.length > 0)
          process.stderr.write(
            `  long tasks at: ${measured.longTaskTimes.map(([at, ms]) => `${(at / 1000).toFixed(2)} s (${ms.toFixed(0)} ms)`).join(', ')}\n`,
          );
      }
    }
  } finally {
    await browser.close();
    await sink.close();
    await rm(work, { recursive: true, force: true });
  }
  report(options, results, photoBytes, loadBefore);
}

function report(options: Options, results: RunResult[], photoBytes: number, loadBefore: number): void {
  const of = (client: ThumbnailClient) => results.filter((r) => r.client === client);
  const mib = (bytes: number) => (bytes / MiB).toFixed(0);
  console.log(
    `\nchromium: ${options.images} JPEGs of ${WIDTH}×${HEIGHT} (${mib(photoBytes)} MiB, ${(photoBytes / options.images / MiB).toFixed(1)} MiB each) ` +
      `added at once; ${options.rounds} interleaved rounds, each run in a fresh page and browser context`,
  );
  console.log(
    `machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${mib(totalmem())} MiB; ` +
      `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after; ${new Date().toISOString().slice(0, 10)}\n`,
  );
  console.log(
    '| client | all shown, s (median) | long tasks > 50 ms (max of rounds) | longest long task ms (max) | ' +
      'main-thread tasks > 50 ms of CPU (max) | most CPU in one task ms (max) | ' +
      'worst main-thread stall ms (max) | peak JS heap MiB (max) | peak renderer RSS MiB (max) | browser CPU s (median) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const client of CLIENTS) {
    const runs = of(client);
    const rss = runs.flatMap((r) => (r.peakRss === undefined ? [] : [r.peakRss]));
    const cpu = runs.flatMap((r) => (r.cpu ? [r.cpu.browser] : []));
    const traced = runs.flatMap((r) => (r.tasks ? [r.tasks] : []));
    console.log(
      `| ${client === 'ferry' ? '`<ferry-uploader manual>`' : 'plain `<img src=objectURL width=40>`'} | ` +
        `${median(runs.map((r) => r.ms / 1000)).toFixed(1)} | ${max(runs.map((r) => r.longTasks ?? 0))} | ` +
        `${max(runs.map((r) => r.longestTaskMs ?? 0)).toFixed(0)} | ` +
        `${traced.length > 0 ? max(traced.map((t) => t.overCpu)) : 'n/a'} | ` +
        `${traced.length > 0 ? max(traced.map((t) => t.maxCpuMs)).toFixed(0) : 'n/a'} | ` +
        `${max(runs.map((r) => r.maxLagMs)).toFixed(0)} | ` +
        `${mib(max(runs.map((r) => r.peakHeap)))} | ${rss.length > 0 ? mib(max(rss)) : 'n/a'} | ` +
        `${cpu.length > 0 ? median(cpu).toFixed(1) : 'n/a'} |`,
    );
  }
  // Ratios round by round (Ferry's run over the plain tags' run of the same round), then the median.
  const plainByRound = new Map(of('plain').map((r) => [r.round, r]));
  const ratio = (part: (r: RunResult) => number | undefined): string => {
    const ratios = of('ferry').flatMap((r) => {
      const [mine, theirs] = [part(r), part(plainByRound.get(r.round)!)];
      return mine !== undefined && theirs ? [mine / theirs] : [];
    });
    return ratios.length > 0 ? median(ratios).toFixed(2) : 'n/a';
  };
  console.log(
    `\nFerry / plain tags (same round, median): time ${ratio((r) => r.ms)}, peak JS heap ${ratio((r) => r.peakHeap)}, ` +
      `peak renderer RSS ${ratio((r) => r.peakRss)}, browser CPU ${ratio((r) => r.cpu?.browser)}`,
  );
}

await main(parse(process.argv.slice(2)));
