import { Agent, request } from 'node:http';

/**
 * The load of `bench:queries`, in a process of its own (forked by query-benchmark.ts), so that the
 * client's work — making requests, reading responses — does not pause the server's event loop and
 * count as server latency. Gets {base, headers, endpoints, rate, seconds}; sends back each
 * endpoint's latencies in milliseconds, the errors, and how many requests were sent (measured, and
 * in all with the warm-up).
 */
interface LoadPlan {
  base: string;
  headers: Record<string, string>;
  endpoints: string[];
  rate: number;
  seconds: number;
  /** How many client addresses the requests come from, in turn (as X-Forwarded-For, seen
   *  through one proxy hop): the users of a deployment, each under the rate limit per address. */
  clients: number;
  /** Seconds at the same rate before the measured ones, not counted: the server's pools open
   *  their connections and its code warms up under concurrency. */
  warmUpSeconds: number;
}

/**
 * One GET on a kept-alive connection; resolves with the status once the whole body is read.
 * node:http rather than fetch: it allocates a fraction of what fetch does, so the load's own
 * garbage collections (which delay reading a response and so add to its measured time) are rare.
 */
function get(agent: Agent, url: URL, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const call = request(url, { agent, headers }, (response) => {
      response.on('data', () => undefined);
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    call.on('error', reject);
    call.end();
  });
}

async function run(plan: LoadPlan) {
  const latencies: Record<string, number[]> = Object.fromEntries(
    plan.endpoints.map((e) => [e, []]),
  );
  const agent = new Agent({ keepAlive: true });
  const urls = plan.endpoints.map((endpoint) => new URL(`${plan.base}${endpoint}`));
  let errors = 0;
  let sent = 0;
  let pending = 0;
  const started = Date.now();
  const measuredFrom = started + plan.warmUpSeconds * 1000;
  while (Date.now() - started < (plan.warmUpSeconds + plan.seconds) * 1000) {
    const due = Math.floor(((Date.now() - started) / 1000) * plan.rate);
    while (sent < due) {
      const client = `198.51.100.${(sent % plan.clients) + 1}`;
      const which = sent++ % plan.endpoints.length;
      const endpoint = plan.endpoints[which];
      const t = process.hrtime.bigint();
      const counted = Date.now() >= measuredFrom;
      pending++;
      get(agent, urls[which], { ...plan.headers, 'X-Forwarded-For': client })
        .then((status) => {
          if (!counted) return;
          if (status !== 200) errors++;
          latencies[endpoint].push(Number(process.hrtime.bigint() - t) / 1e6);
        })
        .catch(() => {
          if (counted) errors++;
        })
        .finally(() => pending--);
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  while (pending > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  agent.destroy();
  const measured = Object.values(latencies).reduce((n, values) => n + values.length, 0);
  return { latencies, errors: errors, sent: measured + errors, total: sent };
}

process.once('message', (plan: LoadPlan) => {
  run(plan)
    .then((result) => process.send!(result, () => process.exit(0)))
    .catch((error: Error) => {
      console.error(error);
      process.exit(1);
    });
});
