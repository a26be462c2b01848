import autocannon from 'autocannon';

/** One kind of request the load generator sends, over and over. */
export interface LoadRequest {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** What one load run measured. */
export interface LoadResult {
  /** Requests answered per second (all statuses). */
  readonly rps: number;
  /** Latency percentiles, ms. */
  readonly p50: number;
  readonly p99: number;
  /** Answers with a 2xx status, and all others (refusals, for the bad-request runs). */
  readonly ok: number;
  readonly notOk: number;
  /** Connection errors and timeouts. */
  readonly errors: number;
  readonly total: number;
}

/** Options of {@link load}. */
export interface LoadOptions {
  readonly origin: string;
  readonly request: LoadRequest;
  readonly connections: number;
  /** Seconds, or a number of requests. */
  readonly duration?: number;
  readonly amount?: number;
  /** A fixed request rate (per second, all connections together) instead of as fast as answered. */
  readonly rate?: number;
}

/** Sends `request` with autocannon (in this process) and summarises what came back. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const { method, path, headers = {}, body } = options.request;
  const result = await autocannon({
    url: options.origin,
    connections: options.connections,
    pipelining: 1,
    ...(options.amount === undefined ? { duration: options.duration ?? 5 } : { amount: options.amount }),
    ...(options.rate === undefined ? {} : { overallRate: options.rate }),
    requests: [
      {
        method,
        path,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body }),
      },
    ],
  });
  const total = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    notOk: total - result['2xx'],
    errors: result.errors + result.timeouts,
    total,
  };
}
