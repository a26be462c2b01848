// A flood of bad requests from a process of its own, so that its cost to the load generator
// (writing 3 MiB bodies, reconnecting after each refusal) does not stall the event loop that
// times the good requests:  node flood.js '<JSON FloodPlan>'  prints the results as JSON.
import { load, type LoadRequest, type LoadResult } from './load.js';

/** What to send: each request at its rate, for `duration` seconds. */
export interface FloodPlan {
  readonly origin: string;
  readonly duration: number;
  readonly requests: readonly { readonly request: LoadRequest; readonly rate: number; readonly bodyBytes?: number }[];
}

const plan = JSON.parse(process.argv[2] ?? '{}') as FloodPlan;
const results: LoadResult[] = await Promise.all(
  plan.requests.map(({ request, rate, bodyBytes }) =>
    load({
      origin: plan.origin,
      request: bodyBytes === undefined ? request : { ...request, body: 'x'.repeat(bodyBytes) },
      connections: 8,
      duration: plan.duration,
      rate,
    }),
  ),
);
console.log(JSON.stringify(results));
