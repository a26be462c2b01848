import type { ChecksumAlgorithm } from '@ferry/core';
import { BENCH_ENGINES, type BenchEngine } from './bench-browser.js';

/** Benchmark options, from the command line. */
export interface BenchOptions {
  /** Size of the one large file, MiB. */
  readonly sizeMiB: number;
  /** Part size, MiB. */
  readonly partSizeMiB: number;
  readonly concurrency: number;
  /** Delay added to every answer of the sink, ms. */
  readonly latencyMs: number;
  readonly rounds: number;
  /** Many-files mode: this many files of `fileSizeKiB` instead of one large file. */
  readonly files: number;
  readonly fileSizeKiB: number;
  readonly clients: readonly string[];
  /** Ferry with adaptive concurrency (starting at `concurrency`). */
  readonly adaptive: boolean;
  /** Checksums for the `ferry-sum` client (Ferry with `withChecksums`), or none. */
  readonly checksums: { readonly algorithm?: ChecksumAlgorithm; readonly crc64: boolean } | undefined;
  /** The engines to run in, one after the other. */
  readonly browsers: readonly BenchEngine[];
  /** A shaped link: the bandwidth of a tbf qdisc in the bench's own network namespace, Mbit/s. */
  readonly shapedMbit: number | undefined;
}

const USAGE = `usage: bash scripts/bench.sh [options]
  --size MIB          size of the file (default 512; 2048 for the 2 GiB run)
  --part-size MIB     part size (default 8)
  --concurrency N     PUTs in flight (default 4)
  --latency MS        delay added to every answer (default 0; 20 for the latency run)
  --rounds N          interleaved rounds, at least 5 (default 5)
  --many              1,000 files of 64 KiB instead of one large file
  --files N --file-size KIB   many-files mode with other counts
  --clients LIST      comma-separated subset of raw,uppy,ferry,ferry-read,ferry-sum (default: raw,uppy,ferry,
                      and with --checksums ferry-read,ferry-sum)
  --adaptive          Ferry with adaptive concurrency (off by default in Ferry)
  --browser NAME      chromium (default), firefox, webkit, or all: each engine's ratios come from its own rounds
  --shaped            a shaped link: sink and browser in a network namespace of the bench's own, bandwidth
                      limited by tbf (--rate, default 100 Mbit/s) and 50 ms added to every answer (unless
                      --latency says otherwise); prints each client's share of the link; default size 64 MiB
  --rate MBIT         the shaped link's bandwidth (default 100)
  --checksums ALG     adds ferry-sum: Ferry with checksums (md5, sha256, crc32c, crc64 or md5+crc64),
                      hashed in module Workers; with crc64 the sink answers each body's CRC-64 as OSS does;
                      and ferry-read: Ferry whose hash workers read each part and hash nothing (the floor)`;

/** Parses `argv`; exits with the usage on anything unknown. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const options = {
    sizeMiB: 512,
    partSizeMiB: 8,
    concurrency: 4,
    latencyMs: 0,
    rounds: 5,
    files: 1,
    fileSizeKiB: 0,
    clients: ['raw', 'uppy', 'ferry'] as readonly string[],
    adaptive: false,
    checksums: undefined as BenchOptions['checksums'],
    browsers: ['chromium'] as readonly BenchEngine[],
    shapedMbit: undefined as number | undefined,
  };
  let sizeGiven = false;
  let latencyGiven = false;
  let rate = 100;
  let clientsGiven = false;
  const fail = (message: string): never => {
    console.error(`${message}\n${USAGE}`);
    process.exit(2);
  };
  const number = (value: string | undefined, name: string, min: number): number => {
    const parsed = Number(value);
    return Number.isFinite(parsed) && parsed >= min ? parsed : fail(`${name} needs a number ≥ ${min}`);
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string | undefined => argv[++i];
    switch (flag) {
      case '--size':
        options.sizeMiB = number(value(), flag, 1);
        sizeGiven = true;
        break;
      case '--browser': {
        const name = value() ?? '';
        if (name === 'all') options.browsers = BENCH_ENGINES;
        else if ((BENCH_ENGINES as readonly string[]).includes(name)) options.browsers = [name as BenchEngine];
        else fail('--browser takes chromium, firefox, webkit or all');
        break;
      }
      case '--shaped':
        options.shapedMbit = rate;
        break;
      case '--rate':
        rate = number(value(), flag, 1);
        break;
      case '--part-size':
        options.partSizeMiB = number(value(), flag, 5);
        break;
      case '--concurrency':
        options.concurrency = number(value(), flag, 1);
        break;
      case '--latency':
        options.latencyMs = number(value(), flag, 0);
        latencyGiven = true;
        break;
      case '--rounds':
        options.rounds = number(value(), flag, 1);
        break;
      case '--many':
        options.files = 1000;
        options.fileSizeKiB = 64;
        break;
      case '--files':
        options.files = number(value(), flag, 1);
        break;
      case '--file-size':
        options.fileSizeKiB = number(value(), flag, 1);
        break;
      case '--adaptive':
        options.adaptive = true;
        break;
      case '--clients':
        options.clients = (value() ?? '').split(',').filter(Boolean);
        clientsGiven = true;
        break;
      case '--checksums': {
        const names = (value() ?? '').split('+');
        const algorithm = names.find((name) => name !== 'crc64');
        if (
          names.some((name) => !['md5', 'sha256', 'crc32c', 'crc64'].includes(name)) ||
          names.filter((name) => name !== 'crc64').length > 1
        ) {
          fail('--checksums takes md5, sha256, crc32c, crc64 or one of the first three +crc64');
        }
        options.checksums = {
          ...(algorithm ? { algorithm: algorithm as ChecksumAlgorithm } : {}),
          crc64: names.includes('crc64'),
        };
        break;
      }
      case '--help':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        fail(`unknown option ${flag}`);
    }
  }
  if (options.files > 1 && options.fileSizeKiB === 0) options.fileSizeKiB = 64;
  if (options.shapedMbit !== undefined) {
    options.shapedMbit = rate;
    if (!latencyGiven) options.latencyMs = 50;
    if (!sizeGiven) options.sizeMiB = 64;
  }
  if (options.checksums && !clientsGiven) options.clients = [...options.clients, 'ferry-read', 'ferry-sum'];
  if (options.clients.some((c) => !['raw', 'uppy', 'ferry', 'ferry-read', 'ferry-sum'].includes(c)))
    fail('--clients takes raw, uppy, ferry, ferry-read, ferry-sum');
  if (options.clients.includes('ferry-sum') && !options.checksums) fail('ferry-sum needs --checksums');
  if (!options.clients.includes('raw')) fail('--clients must include raw: every ratio is to raw in the same round');
  return options;
}
