/**
 * The load of `bench:queries`, in a process of its own (forked by query-benchmark.ts), so that the
 * client's work — making requests, reading responses — does not pause the server's event loop and
 * count as server latency. Gets {base, headers, endpoints, rate, seconds}; sends back each
 * endpoint's latencies in milliseconds, the errors, and how many requests were sent.
 */
interface LoadPlan {
  base: string;
  headers: Record<string, string>;
  endpoints: string[];
  rate: number;
  seconds: number;
}

async function run(plan: LoadPlan) {
  const latencies: Record<string, number[]> = Object.fromEntries(
    plan.endpoints.map((e) => [e, []]),
  );
  let errors = 0;
  let sent = 0;
  const inflight: Array<Promise<void>> = [];
  const started = Date.now();
  while (Date.now() - started < plan.seconds * 1000) {
    const due = Math.floor(((Date.now() - started) / 1000) * plan.rate);
    while (sent < due) {
      const endpoint = plan.endpoints[sent++ % plan.endpoints.length];
      const t = process.hrtime.bigint();
      inflight.push(
        fetch(`${plan.base}${endpoint}`, { headers: plan.headers })
          .then(async (response) => {
            await response.arrayBuffer();
            if (response.status !== 200) errors++;
            latencies[endpoint].push(Number(process.hrtime.bigint() - t) / 1e6);
          })
          .catch(() => {
            errors++;
          }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inflight);
  return { latencies, errors, sent };
}

process.once('message', (plan: LoadPlan) => {
  run(plan)
    .then((result) => process.send!(result, () => process.exit(0)))
    .catch((error: Error) => {
      console.error(error);
      process.exit(1);
    });
});
