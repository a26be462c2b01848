import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@ferry/testing/chromium';
import { chromium } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { parseOptions, type BenchOptions } from './options.js';
import { browserPid, sampleRendererRss } from './renderer-memory.js';
import { BenchSink } from './sink.js';

const MiB = 1024 * 1024;

interface RunResult {
  readonly client: string;
  readonly round: number;
  readonly ms: number;
  readonly peakHeap: number;
  readonly peakRss: number;
  readonly longTasks: number;
  readonly signRequests: number;
  readonly maxInFlight: number;
}

/** What the bench page exposes (see page/main.ts). */
interface BenchPage {
  bench: {
    run(
      client: string,
      options: { origin: string; partSize: number; concurrency: number; adaptive: boolean; checksums: BenchOptions['checksums'] },
    ): Promise<{ ms: number; peakHeap: number; longTasks: number }>;
  };
}

/** Writes `size` random bytes to `path` without holding them in memory. */
async function writeRandomFile(path: string, size: number): Promise<void> {
  const out = createWriteStream(path);
  for (let written = 0; written < size; ) {
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
    await build({
      root: fileURLToPath(new URL('../page', import.meta.url)),
      configFile: false,
      logLevel: 'error',
      build: { outDir: pageOut, emptyOutDir: true },
    });
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
    // Launched locally (not connected), so file inputs get paths, not bytes over a socket.
    const marker = `--ferry-bench=${process.pid}`;
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc', marker],
    });
    const rootPid = await browserPid(marker);
    const results: RunResult[] = [];
    try {
      for (let round = 0; round < options.rounds; round++) {
        // Interleaved: each round starts with another client, so drift hits all alike.
        const order = options.clients.map((_, i) => options.clients[(i + round) % options.clients.length]!);
        for (const client of order) {
          const page = await browser.newPage();
          await page.goto(origin);
          await page.setInputFiles('#files', paths);
          sink.reset();
          sink.takeCompletedSizes();
          // The store's side of OSS CRC-64 (answering each body's CRC) only for the run that checks it.
          sink.crc64 = client === 'ferry-sum' && options.checksums?.crc64 === true;
          const rss = await sampleRendererRss(rootPid);
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
              },
            },
          );
          const peakRss = await rss.stop();
          const stats = sink.stats;
          const completed = sink.takeCompletedSizes();
          await page.close();
          const problems = [...stats.problems];
          if (stats.bytes < totalBytes) problems.push(`received ${stats.bytes} of ${totalBytes} bytes`);
          if (stats.objects !== paths.length) problems.push(`stored ${stats.objects} of ${paths.length} objects`);
          if (!many && completed[0] !== fileSize) problems.push(`completed object has ${completed[0]} bytes, not ${fileSize}`);
          if (problems.length > 0) throw new Error(`${client}, round ${round + 1}: ${problems.join('; ')}`);
          results.push({ client, round, ...measured, peakRss, signRequests: stats.signRequests, maxInFlight: stats.maxInFlight });
          process.stderr.write(`round ${round + 1}/${options.rounds} ${client}: ${(totalBytes / MiB / (measured.ms / 1000)).toFixed(1)} MiB/s\n`);
        }
      }
    } finally {
      await browser.close();
      await sink.close();
    }
    report(options, results, totalBytes);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function report(options: BenchOptions, results: RunResult[], totalBytes: number): void {
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
    (sums ? `; ferry-sum: Ferry with ${[sums.algorithm, sums.crc64 ? 'crc64' : undefined].filter(Boolean).join(' + ')} checksums` : '');
  console.log(
    `\n${workload}, concurrency ${options.concurrency}${ferryMode}, +${options.latencyMs} ms per request, ${options.rounds} interleaved rounds`,
  );
  console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${mib(totalmem())} MiB; ${new Date().toISOString().slice(0, 10)}\n`);
  console.log('| client | MiB/s (median) | × raw (median) | total s (median) | peak JS heap MiB | peak renderer RSS MiB | long tasks (max) | signing requests | most PUTs in flight |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const client of options.clients) {
    const runs = of(client);
    const seconds = median(runs.map((r) => r.ms / 1000));
    const ratio = median(runs.map((r) => rawByRound.get(r.round)! / r.ms));
    console.log(
      `| ${client} | ${(totalBytes / MiB / seconds).toFixed(1)} | ${ratio.toFixed(3)} | ${seconds.toFixed(2)} | ` +
        `${mib(Math.max(...runs.map((r) => r.peakHeap)))} | ${mib(Math.max(...runs.map((r) => r.peakRss)))} | ` +
        `${Math.max(...runs.map((r) => r.longTasks))} | ${median(runs.map((r) => r.signRequests))} | ${Math.max(...runs.map((r) => r.maxInFlight))} |`,
    );
  }
}

await main(parseOptions(process.argv.slice(2)));
