import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { launchBenchBrowser, type BenchEngine } from './bench-browser.js';
import { buildBenchPages } from './bench-page.js';
import type { CpuSeconds } from './cpu-usage.js';
import { parseOptions, type BenchOptions } from './options.js';
import { runInShapedLink } from './shaped-link.js';
import { BenchSink } from './sink.js';

const MiB = 1024 * 1024;

interface RunResult {
  readonly client: string;
  readonly round: number;
  readonly ms: number;
  readonly peakHeap: number;
  readonly peakRss: number | undefined;
  readonly longTasks: number | null;
  readonly maxLagMs: number;
  readonly signRequests: number;
  readonly maxInFlight: number;
  /** CPU time the run cost, where the engine lets us see it (Chromium). */
  readonly cpu: CpuSeconds | undefined;
}

/** The clients that are Ferry with one thing changed, and what their ratio to Ferry measures. */
const FERRY_VARIANTS = [
  { client: 'ferry-sum', measures: 'checksums on / off' },
  {
    client: 'ferry-read',
    measures: 'each part read a second time, nothing hashed: the most any checksum that reads the part can keep',
  },
] as const;

/** What the bench page exposes (see page/main.ts). */
interface BenchPage {
  bench: {
    run(
      client: string,
      options: {
        origin: string;
        partSize: number;
        concurrency: number;
        adaptive: boolean;
        checksums: BenchOptions['checksums'];
        readOnly: boolean;
      },
    ): Promise<{ ms: number; peakHeap: number; longTasks: number | null; maxLagMs: number }>;
  };
}

/** Writes `size` random bytes to `path` without holding them in memory. */
async function writeRandomFile(path: string, size: number): Promise<void> {
  const out = createWriteStream(path);
  for (let written = 0; written < size;) {
    const chunk = randomBytes(Math.min(8 * MiB, size - written));
    written += chunk.length;
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function main(options: BenchOptions): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'ferry-bench-'));
  try {
    const pageOut = join(work, 'page');
    await buildBenchPages(pageOut);
    const many = options.files > 1;
    const fileSize = many ? options.fileSizeKiB * 1024 : options.sizeMiB * MiB;
    const paths: string[] = [];
    for (let i = 0; i < options.files; i++) {
      const path = join(work, many ? `f${i}.bin` : 'large.bin');
      await writeRandomFile(path, fileSize);
      paths.push(path);
    }
    const totalBytes = fileSize * paths.length;
    const sink = new BenchSink(pageOut);
    const origin = await sink.start();
    sink.latency = options.latencyMs;
    try {
      for (const engine of options.browsers) {
        const results = await runEngine(engine, options, sink, origin, paths, totalBytes, fileSize);
        report(engine, options, results, totalBytes);
      }
    } finally {
      await sink.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Every round of every client in `engine`, interleaved, each checked against what the sink received. */
async function runEngine(
  engine: BenchEngine,
  options: BenchOptions,
  sink: BenchSink,
  origin: string,
  paths: readonly string[],
  totalBytes: number,
  fileSize: number,
): Promise<RunResult[]> {
  const many = paths.length > 1;
  const browser = await launchBenchBrowser(engine);
  const results: RunResult[] = [];
  try {
    for (let round = 0; round < options.rounds; round++) {
      // Interleaved: each round starts with another client, so drift hits all alike.
      const order = options.clients.map((_, i) => options.clients[(i + round) % options.clients.length]!);
      for (const client of order) {
        const page = await browser.newPage();
        await page.goto(origin);
        await page.setInputFiles("document.querySelector('#files')", paths);
        sink.reset();
        sink.takeCompletedSizes();
        // The store's side of OSS CRC-64 (answering each body's CRC) only for the run that checks it.
        sink.crc64 = client === 'ferry-sum' && options.checksums?.crc64 === true;
        const rss = await browser.sampleRss();
        const cpu = await browser.meterCpu();
        const measured = await page.evaluate(
          // Runs in the page, where main.ts defined `bench`.
          ({ name, run }) => (globalThis as unknown as BenchPage).bench.run(name, run),
          {
            name: client,
            run: {
              origin,
              partSize: options.partSizeMiB * MiB,
              concurrency: options.concurrency,
              adaptive: options.adaptive,
              checksums: client === 'ferry-sum' ? options.checksums : undefined,
              readOnly: client === 'ferry-read',
            },
          },
        );
        const cpuSeconds = await cpu.stop();
        const peakRss = await rss.stop();
        const stats = sink.stats;
        const completed = sink.takeCompletedSizes();
        await page.close();
        const problems = [...stats.problems];
        if (stats.bytes < totalBytes) problems.push(`received ${stats.bytes} of ${totalBytes} bytes`);
        if (stats.objects !== paths.length) problems.push(`stored ${stats.objects} of ${paths.length} objects`);
        if (!many && completed[0] !== fileSize)
          problems.push(`completed object has ${completed[0]} bytes, not ${fileSize}`);
        if (problems.length > 0) throw new Error(`${engine} ${client}, round ${round + 1}: ${problems.join('; ')}`);
        results.push({
          client,
          round,
          ...measured,
          peakRss,
          cpu: cpuSeconds,
          signRequests: stats.signRequests,
          maxInFlight: stats.maxInFlight,
        });
        process.stderr.write(
          `${engine} round ${round + 1}/${options.rounds} ${client}: ${(totalBytes / MiB / (measured.ms / 1000)).toFixed(1)} MiB/s\n`,
        );
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}

function report(engine: BenchEngine, options: BenchOptions, results: RunResult[], totalBytes: number): void {
  const of = (client: string) => results.filter((r) => r.client === client);
  const rawByRound = new Map(of('raw').map((r) => [r.round, r.ms]));
  const mib = (bytes: number) => (bytes / MiB).toFixed(0);
  const workload =
    options.files > 1
      ? `${options.files} files of ${options.fileSizeKiB} KiB`
      : `one ${options.sizeMiB} MiB file, ${options.partSizeMiB} MiB parts`;
  const sums = options.checksums;
  const ferryMode =
    (options.adaptive ? ' (Ferry with adaptive concurrency)' : '') +
    (sums
      ? `; ferry-sum: Ferry with ${[sums.algorithm, sums.crc64 ? 'crc64' : undefined].filter(Boolean).join(' + ')} checksums`
      : '');
  const link = options.shapedMbit === undefined ? 'loopback' : `a shaped link of ${options.shapedMbit} Mbit/s (tbf)`;
  console.log(
    `\n${engine}: ${workload}, concurrency ${options.concurrency}${ferryMode}, ${link}, +${options.latencyMs} ms per answer, ${options.rounds} interleaved rounds`,
  );
  console.log(
    `machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${mib(totalmem())} MiB; ${new Date().toISOString().slice(0, 10)}\n`,
  );
  const shaped = options.shapedMbit !== undefined;
  console.log(
    '| client | MiB/s (median) | × raw (median) |' +
      (shaped ? ' share of the link |' : '') +
      ' total s (median) | peak JS heap MiB | peak renderer RSS MiB | long tasks (max) | worst main-thread stall ms (max) | signing requests | most PUTs in flight |',
  );
  console.log(`|---|---|---|${shaped ? '---|' : ''}---|---|---|---|---|---|---|`);
  for (const client of options.clients) {
    const runs = of(client);
    const seconds = median(runs.map((r) => r.ms / 1000));
    const ratio = median(runs.map((r) => rawByRound.get(r.round)! / r.ms));
    const heap = Math.max(...runs.map((r) => r.peakHeap));
    const rss = runs.map((r) => r.peakRss).filter((value): value is number => value !== undefined);
    const longTasks = runs.map((r) => r.longTasks).filter((value): value is number => value !== null);
    // tbf counts rate in bits per second (1 Mbit = 10^6 bits): the payload's share of it.
    const share = shaped ? ` ${(((totalBytes * 8) / seconds / (options.shapedMbit * 1e6)) * 100).toFixed(1)} % |` : '';
    console.log(
      `| ${client} | ${(totalBytes / MiB / seconds).toFixed(1)} | ${ratio.toFixed(3)} |${share} ${seconds.toFixed(2)} | ` +
        `${heap > 0 ? mib(heap) : 'n/a'} | ${rss.length > 0 ? mib(Math.max(...rss)) : 'n/a'} | ` +
        `${longTasks.length > 0 ? Math.max(...longTasks) : 'n/a'} | ${Math.max(...runs.map((r) => r.maxLagMs)).toFixed(0)} | ` +
        `${median(runs.map((r) => r.signRequests))} | ${Math.max(...runs.map((r) => r.maxInFlight))} |`,
    );
  }
  // Ferry's variants against Ferry itself in the same rounds, below the table after a blank line.
  const ferryByRound = new Map(of('ferry').map((r) => [r.round, r.ms]));
  FERRY_VARIANTS.filter(({ client }) => options.clients.includes(client) && options.clients.includes('ferry')).forEach(
    ({ client, measures }, index) => {
      const ratio = median(of(client).map((r) => ferryByRound.get(r.round)! / r.ms));
      console.log(
        `${index === 0 ? '\n' : ''}${client} / ferry (${measures}, same rounds, median): ${ratio.toFixed(3)}`,
      );
    },
  );
  reportCpu(options, results, totalBytes);
}

/**
 * CPU seconds per GiB uploaded (median of the rounds): what a client costs beyond wall time, so the
 * cost on a machine with more cores can be judged. With checksums, ferry-sum less Ferry is the hashing.
 */
function reportCpu(options: BenchOptions, results: RunResult[], totalBytes: number): void {
  const measured = results.filter((r): r is RunResult & { cpu: CpuSeconds } => r.cpu !== undefined);
  if (measured.length === 0) return;
  const gib = totalBytes / 1024 ** 3;
  const perGiB = (client: string, part: (cpu: CpuSeconds) => number): number =>
    median(measured.filter((r) => r.client === client).map((r) => part(r.cpu) / gib));
  const total = (cpu: CpuSeconds): number => cpu.browser + cpu.sink;
  console.log('\nCPU seconds per GiB uploaded (median; browser = all its processes, Workers included):\n');
  console.log('| client | browser | of which Worker threads | sink (bench process) | total |');
  console.log('|---|---|---|---|---|');
  for (const client of options.clients) {
    if (!measured.some((r) => r.client === client)) continue;
    const cells = [
      (cpu: CpuSeconds) => cpu.browser,
      (cpu: CpuSeconds) => cpu.workers,
      (cpu: CpuSeconds) => cpu.sink,
      total,
    ];
    console.log(`| ${client} | ${cells.map((cell) => perGiB(client, cell).toFixed(2)).join(' | ')} |`);
  }
  if (!options.clients.includes('ferry')) return;
  /** What `client` costs over Ferry without checksums, in CPU s/GiB. */
  const overFerry = (client: string, part: (cpu: CpuSeconds) => number): string =>
    (perGiB(client, part) - perGiB('ferry', part)).toFixed(2);
  const workers = (client: string): string => perGiB(client, (cpu) => cpu.workers).toFixed(2);
  const lines: string[] = [];
  if (options.clients.includes('ferry-sum')) {
    lines.push(
      `checksums cost the browser ${overFerry('ferry-sum', (cpu) => cpu.browser)} CPU s/GiB over Ferry without them (${workers('ferry-sum')} in its Workers: reading and hashing); ` +
        `the sink ${overFerry('ferry-sum', (cpu) => cpu.sink)}${options.checksums?.crc64 ? ' (it computes each body’s CRC-64, as OSS would)' : ''}`,
    );
  }
  if (options.clients.includes('ferry-read')) {
    lines.push(
      `reading each part a second time (ferry-read) costs the browser ${overFerry('ferry-read', (cpu) => cpu.browser)} CPU s/GiB (${workers('ferry-read')} in its Workers)`,
    );
  }
  if (lines.length > 0) console.log(`\n${lines.join('\n')}`);
}

const options = parseOptions(process.argv.slice(2));
// A shaped link runs this same command again inside a network namespace of its own.
if (options.shapedMbit === undefined || process.env['FERRY_BENCH_NETNS']) await main(options);
else process.exitCode = await runInShapedLink(options.shapedMbit);
