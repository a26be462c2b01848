// `bash scripts/bench.sh server`: the signing server under load. @ferry/server (its own protocol and
// its Companion mode) and Uppy's @uppy/companion, each in a process pinned to CPU 0, autocannon
// and the STORE FAKE in this process on CPU 1. See `--help`.
import { execFile, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { load, type LoadRequest, type LoadResult } from './server/load.js';
import { companionScenarios, ferryScenarios, SCENARIO_NAMES, type Scenarios } from './server/scenarios.js';
import { startStoreFake } from './server/store-fake.js';
import { startTarget, type TargetProcess } from './server/target-process.js';
import type { FloodPlan } from './server/flood.js';
import { unknownFlag, wholeNumber } from './cli-flags.js';

const USAGE = `usage: bash scripts/bench.sh server [options]
  --duration S          seconds per figure and round (default 5)
  --rounds N            interleaved rounds; the median is shown (default 3)
  --connections N       concurrent connections of the load generator (default 8)
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
  const options = { duration: 5, rounds: 3, connections: 8, memoryRequests: 100_000, pin: true };
  const number = (value: string | undefined, flag: string): number => wholeNumber(value, flag, USAGE);
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--duration') options.duration = number(argv[++i], flag);
    else if (flag === '--rounds') options.rounds = number(argv[++i], flag);
    else if (flag === '--connections') options.connections = number(argv[++i], flag);
    else if (flag === '--memory-requests') options.memoryRequests = number(argv[++i], flag);
    else if (flag === '--no-pin') options.pin = false;
    else unknownFlag(flag, USAGE);
  }
  return options;
}

const MiB = 1024 * 1024;
const fixed = (value: number, digits = 1) => value.toFixed(digits);
const mib = (bytes: number) => `${fixed(bytes / MiB)} MiB`;

/** One figure: what the load generator saw, and the server's requests answered per CPU second. */
interface Figure extends LoadResult {
  /** Requests answered per second of the server's CPU time: its throughput per core, whatever else the machine runs. */
  readonly perCpuSecond: number;
}

/** `duration` seconds as fast as the server answers, each answer a 2xx. */
async function measure(
  server: TargetProcess,
  request: LoadRequest,
  options: Options,
  duration: number,
): Promise<Figure> {
  const cpuBefore = server.cpuSeconds();
  const result = await load({ origin: server.origin, request, connections: options.connections, duration });
  const cpu = server.cpuSeconds() - cpuBefore;
  if (result.notOk > 0 || result.errors > 0) {
    throw new Error(`${request.method} ${request.path}: ${result.notOk} refused, ${result.errors} errors`);
  }
  return { ...result, perCpuSecond: cpu > 0 ? result.total / cpu : 0 };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The median round of each figure (by requests per CPU second). */
function medianRun(runs: Figure[]): Figure {
  const middle = median(runs.map((run) => run.perCpuSecond));
  return runs.reduce((best, run) =>
    Math.abs(run.perCpuSecond - middle) < Math.abs(best.perCpuSecond - middle) ? run : best,
  );
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
  const targets: [string, TargetProcess, Scenarios][] = [
    [TARGET_NAMES[0], ferry, await ferryScenarios(ferry.origin)],
    [TARGET_NAMES[1], ferry, await companionScenarios(ferry.origin, '/api/uploads')],
    [TARGET_NAMES[2], companion, await companionScenarios(companion.origin, '')],
  ];
  const runs = new Map<string, Figure[]>();
  try {
    for (const [, server, scenarios] of targets) {
      for (const route of SCENARIO_NAMES) await measure(server, scenarios[route], options, 1); // warm-up
    }
    for (let round = 0; round < options.rounds; round++) {
      for (const route of SCENARIO_NAMES) {
        for (let i = 0; i < targets.length; i++) {
          const [name, server, scenarios] = targets[(i + round) % targets.length]!;
          const id = `${name}|${route}`;
          runs.set(id, [...(runs.get(id) ?? []), await measure(server, scenarios[route], options, options.duration)]);
        }
      }
    }
  } finally {
    await ferry.close();
    await companion.close();
  }
  const results = new Map<string, Map<string, Figure>>(
    TARGET_NAMES.map((name) => [
      name,
      new Map(SCENARIO_NAMES.map((route) => [route, medianRun(runs.get(`${name}|${route}`)!)])),
    ]),
  );
  try {
    printThroughput(results);
    await memoryRun(store.endpoint, serverCpu, options);
    await badRequestRuns(store.endpoint, serverCpu, options, results.get(TARGET_NAMES[0])!.get('sign 1 part')!);
  } finally {
    await store.close();
  }
}

function printThroughput(results: Map<string, Map<string, Figure>>): void {
  const names = [...results.keys()];
  console.log(`\nrequests answered per CPU second of the server (its throughput per core), requests per second as`);
  console.log(`measured on this machine, and latency p50 / p99 (ms)`);
  console.log(['call'.padEnd(16), ...names.map((name) => name.padEnd(40))].join(''));
  for (const route of SCENARIO_NAMES) {
    const cells = names.map((name) => {
      const result = results.get(name)!.get(route)!;
      const figure = `${fixed(result.perCpuSecond, 0).padStart(6)}/CPU-s ${fixed(result.rps, 0).padStart(5)} rps ${fixed(result.p50, 0)} / ${fixed(result.p99, 0)}`;
      return figure.padEnd(40);
    });
    console.log([route.padEnd(16), ...cells].join(''));
  }
  const companion = results.get(TARGET_NAMES[2])!;
  console.log(`\nthroughput per core, ratio to Companion (higher: Ferry serves more per core)`);
  for (const route of SCENARIO_NAMES) {
    const ratio = (name: string) =>
      fixed(results.get(name)!.get(route)!.perCpuSecond / companion.get(route)!.perCpuSecond, 2);
    console.log(
      `${route.padEnd(16)}@ferry/server ${ratio(TARGET_NAMES[0])}x   Ferry's Companion mode ${ratio(TARGET_NAMES[1])}x`,
    );
  }
}

/**
 * @ferry/server's RSS and heap before and after `memoryRequests` requests: create, sign 1 part and
 * complete in equal shares (sign 100 parts would make each request a hundred).
 */
async function memoryRun(storeEndpoint: string, cpu: number | undefined, options: Options): Promise<void> {
  const server = await startTarget('ferry', storeEndpoint, cpu);
  try {
    const scenarios = await ferryScenarios(server.origin);
    const calls = ['create', 'sign 1 part', 'complete'] as const;
    const share = Math.ceil(options.memoryRequests / calls.length);
    const run = (amount: number) =>
      Promise.all(
        calls.map((name) => load({ origin: server.origin, request: scenarios[name], connections: 8, amount })),
      );
    await run(1000); // warm-up: code compiled, pools filled
    const before = await server.memory();
    const runs = await run(share);
    const after = await server.memory();
    const answered = runs.reduce((sum, result) => sum + result.ok, 0);
    const delta = after.heapUsed - before.heapUsed;
    console.log(
      `\n@ferry/server's memory over ${answered} requests answered 2xx (after a full GC; create, sign 1 part, complete)`,
    );
    console.log(
      `RSS ${mib(before.rss)} → ${mib(after.rss)}, heap ${mib(before.heapUsed)} → ${mib(after.heapUsed)} (${delta >= 0 ? '+' : ''}${mib(delta)})`,
    );
  } finally {
    await server.close();
  }
}

/** Runs `plan` in a flood process of its own (on `cpu` when given); resolves with its results. */
function flood(plan: FloodPlan, cpu: number | undefined): Promise<LoadResult[]> {
  const script = fileURLToPath(new URL('server/flood.js', import.meta.url));
  const node = [process.execPath, script, JSON.stringify(plan)];
  const [command, ...args] = cpu === undefined ? node : ['taskset', '-c', String(cpu), ...node];
  return new Promise((resolve, reject) => {
    execFile(command!, args, { maxBuffer: 1024 * 1024 }, (error, stdout) => {
      if (error) reject(new Error(`The flood process failed: ${error.message}`));
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '[]') as LoadResult[]);
    });
  });
}

/** Bad requests: how cheaply each kind is refused, and what a flood of them does to good requests. */
async function badRequestRuns(
  storeEndpoint: string,
  cpu: number | undefined,
  options: Options,
  good: Figure,
): Promise<void> {
  const server: TargetProcess = await startTarget('ferry', storeEndpoint, cpu);
  try {
    const scenarios = await ferryScenarios(server.origin);
    const bad: Record<string, LoadRequest> = {
      'malformed JSON': { method: 'POST', path: '/api/uploads/multipart', body: '{"filename": "a.bin", "size": 1' },
      'huge body (3 MiB)': { method: 'POST', path: '/api/uploads/multipart', body: 'x'.repeat(3 * MiB) },
      'forged token': scenarios.forgedSign,
    };
    console.log(
      `\nbad requests on @ferry/server, each alone as fast as it is refused (a good "sign 1 part": ${fixed(good.perCpuSecond, 0)}/CPU-s)`,
    );
    for (const [name, request] of Object.entries(bad)) {
      const cpuBefore = server.cpuSeconds();
      const result = await load({
        origin: server.origin,
        request,
        connections: options.connections,
        duration: options.duration,
      });
      const used = server.cpuSeconds() - cpuBefore;
      console.log(
        `${name.padEnd(18)} ${fixed(result.total / used, 0).padStart(6)} refused/CPU-s, ${fixed(result.rps, 0).padStart(5)} rps, ` +
          `p50 / p99 ${fixed(result.p50, 0)} / ${fixed(result.p99, 0)} ms; ${result.notOk} refused, ${result.ok} accepted, ` +
          `${result.errors} connections cut by the server`,
      );
    }
    const rate = Math.max(1, Math.round(good.rps / 2));
    const goodRun = () =>
      load({
        origin: server.origin,
        request: scenarios['sign 1 part'],
        connections: 16,
        duration: options.duration,
        rate,
      });
    const floodRate = rate;
    const plan: FloodPlan = {
      origin: server.origin,
      duration: options.duration,
      requests: [
        { request: bad['malformed JSON']!, rate: floodRate },
        { request: scenarios.forgedSign, rate: floodRate },
        { request: { ...bad['huge body (3 MiB)']!, body: '' }, bodyBytes: 3 * MiB, rate: Math.round(floodRate / 10) },
      ],
    };
    const cpuQuiet = server.cpuSeconds();
    const quiet = await goodRun();
    const cpuFlood = server.cpuSeconds();
    const [busy, flooded] = await Promise.all([goodRun(), flood(plan, cpu === undefined ? undefined : 1)]);
    const cpuEnd = server.cpuSeconds();
    const refused = flooded.reduce((sum, result) => sum + result.notOk, 0);
    console.log(
      `\ngood requests (sign 1 part) at ${rate}/s, half of what this machine answered; then the same while another process ` +
        `floods the server with malformed JSON and forged tokens at ${floodRate}/s each and 3 MiB bodies at ${plan.requests[2]!.rate}/s`,
    );
    console.log(
      `alone:          p50 / p99 ${fixed(quiet.p50, 0)} / ${fixed(quiet.p99, 0)} ms, ${quiet.ok} answered, server CPU ${fixed(cpuFlood - cpuQuiet, 2)} s`,
    );
    console.log(
      `with the flood: p50 / p99 ${fixed(busy.p50, 0)} / ${fixed(busy.p99, 0)} ms, ${busy.ok} answered, server CPU ${fixed(cpuEnd - cpuFlood, 2)} s; ` +
        `${refused} bad requests refused, ${flooded.reduce((sum, result) => sum + result.ok, 0)} accepted`,
    );
  } finally {
    await server.close();
  }
}

await main(parse(process.argv.slice(2)));
process.exit(0);
