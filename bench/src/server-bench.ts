// `bash scripts/bench.sh server`: the signing server under load. @ferry/server (its own protocol and
// its Companion mode) and Uppy's @uppy/companion, each in a process pinned to CPU 0, autocannon
// and the STORE FAKE in this process on CPU 1. See `--help`.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { load, type LoadRequest, type LoadResult } from './server/load.js';
import { companionScenarios, ferryScenarios, SCENARIO_NAMES, type Scenarios } from './server/scenarios.js';
import { startStoreFake } from './server/store-fake.js';
import { startTarget, type TargetProcess } from './server/target-process.js';

const USAGE = `usage: bash scripts/bench.sh server [options]
  --duration S          seconds per figure and round (default 5)
  --rounds N            interleaved rounds; the median is shown (default 3)
  --connections N       concurrent connections of the load generator (default 32)
  --memory-requests N   requests of the memory run (default 100000)
  --no-pin              do not pin the server and the load generator to their own cores`;

interface Options {
  readonly duration: number;
  readonly rounds: number;
  readonly connections: number;
  readonly memoryRequests: number;
  readonly pin: boolean;
}

function parse(argv: readonly string[]): Options {
  const options = { duration: 5, rounds: 3, connections: 32, memoryRequests: 100_000, pin: true };
  const number = (value: string | undefined, name: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1) {
      console.error(`${name} needs a whole number ≥ 1\n${USAGE}`);
      process.exit(2);
    }
    return parsed;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--duration') options.duration = number(argv[++i], flag);
    else if (flag === '--rounds') options.rounds = number(argv[++i], flag);
    else if (flag === '--connections') options.connections = number(argv[++i], flag);
    else if (flag === '--memory-requests') options.memoryRequests = number(argv[++i], flag);
    else if (flag === '--no-pin') options.pin = false;
    else {
      console.error(flag === '--help' ? USAGE : `unknown option ${flag}\n${USAGE}`);
      process.exit(flag === '--help' ? 0 : 2);
    }
  }
  return options;
}

const MiB = 1024 * 1024;
const fixed = (value: number, digits = 1) => value.toFixed(digits);
const mib = (bytes: number) => `${fixed(bytes / MiB)} MiB`;

/** One figure: `duration` seconds as fast as the server answers, each answer a 2xx. */
async function measure(origin: string, request: LoadRequest, options: Options, duration: number): Promise<LoadResult> {
  const result = await load({ origin, request, connections: options.connections, duration });
  if (result.notOk > 0 || result.errors > 0) {
    throw new Error(`${request.method} ${request.path}: ${result.notOk} refused, ${result.errors} errors`);
  }
  return result;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The median round of each figure (by requests per second). */
function medianRun(runs: LoadResult[]): LoadResult {
  const rps = median(runs.map((run) => run.rps));
  return runs.reduce((best, run) => (Math.abs(run.rps - rps) < Math.abs(best.rps - rps) ? run : best));
}

const TARGET_NAMES = ['@ferry/server', 'Ferry, Companion mode', '@uppy/companion 6.2.2'] as const;

async function main(options: Options): Promise<void> {
  const pinned = options.pin && cpus().length >= 2;
  // This process (autocannon, the STORE FAKE) on CPU 1; every signing server on CPU 0.
  if (pinned) execFileSync('taskset', ['-a', '-pc', '1', String(process.pid)], { stdio: 'ignore' });
  const serverCpu = pinned ? 0 : undefined;
  const store = await startStoreFake();
  console.log(
    `signing servers under load: ${pinned ? 'each pinned to CPU 0, autocannon on CPU 1' : 'unpinned'}, ` +
      `${options.connections} connections, ${options.rounds} interleaved rounds of ${options.duration} s per figure ` +
      `(the median round is shown); the store is a STORE FAKE that answers at once, so the figures are the ` +
      `signing servers' own cost. Node ${process.version}, ${cpus()[0]?.model ?? ''}, load average ${loadavg()[0]?.toFixed(1)}`,
  );
  // Both servers run all along (an idle one costs nothing); the rounds interleave them, so drift
  // in the machine's load falls on all alike.
  const ferry = await startTarget('ferry', store.endpoint, serverCpu);
  const companion = await startTarget('companion', store.endpoint, serverCpu);
  const targets: [string, string, Scenarios][] = [
    [TARGET_NAMES[0], ferry.origin, await ferryScenarios(ferry.origin)],
    [TARGET_NAMES[1], ferry.origin, await companionScenarios(ferry.origin, '/api/uploads')],
    [TARGET_NAMES[2], companion.origin, await companionScenarios(companion.origin, '')],
  ];
  const runs = new Map<string, LoadResult[]>();
  try {
    for (const [, origin, scenarios] of targets) {
      for (const route of SCENARIO_NAMES) await measure(origin, scenarios[route], options, 1); // warm-up
    }
    for (let round = 0; round < options.rounds; round++) {
      for (const route of SCENARIO_NAMES) {
        for (let i = 0; i < targets.length; i++) {
          const [name, origin, scenarios] = targets[(i + round) % targets.length]!;
          const id = `${name}|${route}`;
          runs.set(id, [...(runs.get(id) ?? []), await measure(origin, scenarios[route], options, options.duration)]);
        }
      }
    }
  } finally {
    await ferry.close();
    await companion.close();
  }
  const results = new Map<string, Map<string, LoadResult>>(
    TARGET_NAMES.map((name) => [name, new Map(SCENARIO_NAMES.map((route) => [route, medianRun(runs.get(`${name}|${route}`)!)]))]),
  );
  try {
    printThroughput(results);
    await memoryRun(store.endpoint, serverCpu, options);
    await badRequestRuns(store.endpoint, serverCpu, options, results.get(TARGET_NAMES[0])!.get('sign 1 part')!.rps);
  } finally {
    await store.close();
  }
}

function printThroughput(results: Map<string, Map<string, LoadResult>>): void {
  const names = [...results.keys()];
  console.log(`\nrequests per second on one core, and latency p50 / p99 (ms)`);
  console.log(['call'.padEnd(16), ...names.map((name) => name.padEnd(30))].join(''));
  for (const route of SCENARIO_NAMES) {
    const cells = names.map((name) => {
      const result = results.get(name)!.get(route)!;
      return `${fixed(result.rps, 0).padStart(7)} rps ${fixed(result.p50)} / ${fixed(result.p99)}`.padEnd(30);
    });
    console.log([route.padEnd(16), ...cells].join(''));
  }
  const companion = results.get(TARGET_NAMES[2])!;
  console.log(`\nthroughput ratio to Companion (higher: Ferry serves more per core)`);
  for (const route of SCENARIO_NAMES) {
    const ratio = (name: string) => fixed(results.get(name)!.get(route)!.rps / companion.get(route)!.rps, 2);
    console.log(`${route.padEnd(16)}@ferry/server ${ratio('@ferry/server')}x   Ferry's Companion mode ${ratio('Ferry, Companion mode')}x`);
  }
}

/** @ferry/server's RSS and heap before and after `memoryRequests` requests (the four calls in equal shares). */
async function memoryRun(storeEndpoint: string, cpu: number | undefined, options: Options): Promise<void> {
  const server = await startTarget('ferry', storeEndpoint, cpu);
  try {
    const scenarios = await ferryScenarios(server.origin);
    const share = Math.floor(options.memoryRequests / SCENARIO_NAMES.length);
    const run = (amount: number) =>
      Promise.all(SCENARIO_NAMES.map((name) => load({ origin: server.origin, request: scenarios[name], connections: 8, amount })));
    await run(1000); // warm-up: code compiled, pools filled
    const before = await server.memory();
    const runs = await run(share);
    const after = await server.memory();
    const answered = runs.reduce((sum, result) => sum + result.ok, 0);
    const delta = after.heapUsed - before.heapUsed;
    console.log(`\n@ferry/server's memory over ${answered} requests answered 2xx (after a full GC; the four calls in equal shares)`);
    console.log(
      `RSS ${mib(before.rss)} → ${mib(after.rss)}, heap ${mib(before.heapUsed)} → ${mib(after.heapUsed)} (${delta >= 0 ? '+' : ''}${mib(delta)})`,
    );
  } finally {
    await server.close();
  }
}

/** Bad requests: how fast each kind is refused, and what a flood of them does to good requests. */
async function badRequestRuns(
  storeEndpoint: string,
  cpu: number | undefined,
  options: Options,
  capacity: number,
): Promise<void> {
  const server: TargetProcess = await startTarget('ferry', storeEndpoint, cpu);
  try {
    const scenarios = await ferryScenarios(server.origin);
    const bad: Record<string, LoadRequest> = {
      'malformed JSON': { method: 'POST', path: '/api/uploads/multipart', body: '{"filename": "a.bin", "size": 1' },
      'huge body (3 MiB)': { method: 'POST', path: '/api/uploads/multipart', body: 'x'.repeat(3 * MiB) },
      'forged token': scenarios.forgedSign,
    };
    console.log(`\nbad requests on @ferry/server: each alone, as fast as it is refused`);
    for (const [name, request] of Object.entries(bad)) {
      const result = await load({ origin: server.origin, request, connections: options.connections, duration: options.duration });
      console.log(
        `${name.padEnd(20)} ${fixed(result.rps, 0).padStart(7)} rps, p50 / p99 ${fixed(result.p50)} / ${fixed(result.p99)} ms, ` +
          `${result.notOk} refused, ${result.ok} accepted (must be 0), ${result.errors} connection errors`,
      );
    }
    const rate = Math.round(capacity / 2);
    const good = scenarios['sign 1 part'];
    const goodRun = () => load({ origin: server.origin, request: good, connections: 16, duration: options.duration, rate });
    const quiet = await goodRun();
    const floods = Object.values(bad).map((request) =>
      load({ origin: server.origin, request, connections: 8, duration: options.duration, rate: Math.round((2 * rate) / 3) }),
    );
    const [busy, ...flooded] = await Promise.all([goodRun(), ...floods]);
    console.log(
      `\ngood requests (sign 1 part) at ${rate}/s, half of one core's capacity; then with a flood of bad ones at twice that rate`,
    );
    console.log(`alone:          p50 / p99 ${fixed(quiet.p50)} / ${fixed(quiet.p99)} ms, ${quiet.ok} answered`);
    console.log(
      `with the flood: p50 / p99 ${fixed(busy!.p50)} / ${fixed(busy!.p99)} ms, ${busy!.ok} answered; ` +
        `the flood: ${flooded.reduce((sum, result) => sum + result.notOk, 0)} refused, ` +
        `${flooded.reduce((sum, result) => sum + result.ok, 0)} accepted`,
    );
  } finally {
    await server.close();
  }
}

await main(parse(process.argv.slice(2)));
process.exit(0);
