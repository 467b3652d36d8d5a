import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { type ChildProcess, fork } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { freePort, loadLedgerConfig, UsersService } from '@ledger/platform';
import { createApiApp } from '../apps/api/src/create-api-app';
import { AuthService } from '../apps/api/src/auth/auth.service';
import { DemoDataSeeder } from '@ledger/application';
import {
  cpuSeconds,
  fmt,
  openBenchDatabase,
  percentile,
  processCpuSeconds,
  withClient,
} from './bench-database';

/**
 * npm run bench:queries — the query endpoints at a steady RATE requests/s for SECONDS seconds
 * (default 200/s for 20 s, round robin over the read endpoints) on the demo data plus EVENTS
 * housing events (default 1 million), with a logged-in user. The data is loaded here; the API
 * then runs as it does in production, its own process started from dist/apps/api/src/main.js
 * (with its in-process projector), and the load comes from a third process (query-load.ts),
 * after 3 s of warm-up at the same rate, from CLIENTS addresses (default 50) behind one proxy
 * hop.
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  const environment = {
    DATABASE_URL: database.url,
    LOG_LEVEL: 'error',
    LOG_FORMAT: 'json',
    SEED_DEMO_DATA: 'false',
    // The load comes from CLIENTS addresses through one proxy hop, each under the default limit
    // of 300 requests a minute (200/s from 50 addresses is 240 a minute each).
    TRUST_PROXY_HOPS: '1',
    SIGNING_KEY_FILE: join(tmpdir(), `bench-key-${process.pid}.pem`),
    JWT_SECRET_FILE: join(tmpdir(), `bench-jwt-${process.pid}`),
  };
  const config = loadLedgerConfig(environment);
  const app = await createApiApp(config, database.url);
  let appOpen = true;
  let server: ChildProcess | undefined;
  await app.listen(0, '127.0.0.1');
  try {
    await app.get(DemoDataSeeder).seed();
    const store = app.get<EventStore>(EVENT_STORE);
    let written = 0;
    let n = 0;
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (written < EVENTS) {
          const events = [];
          while (events.length < 500 && written + events.length < EVENTS) {
            const i = n++;
            events.push({
              type: 'HomesReported',
              data: {
                reportId: `bench-${i}`,
                count: (i % 9) + 1,
                period: `${2016 + (i % 10)}-Q${(i % 4) + 1}`,
                municipality: ['København', 'Aarhus', 'Odense', 'Roskilde'][i % 4],
                initiativeId: 'kollegiemodellen',
                partnerId: 'bikubenfonden',
                source: 'bench',
                housingType: 'dorm-room',
                permanent: true,
              },
              occurredAt: `${2016 + (i % 10)}-06-30`,
            });
          }
          written += events.length;
          await store.append(`housing-bench-${randomUUID()}`, events, 'no_stream', {
            commandId: randomUUID(),
            actor: { id: 'bench', role: 'secretariat' },
          });
        }
      }),
    );
    const head = await store.headPosition();
    // Wait for the in-process projector.
    await serving(await app.getUrl());
    console.log(
      `${fmt(head)} events recorded and projected in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
    );

    // The vacuum autovacuum would start by itself after a million new rows, and a checkpoint to
    // write out the pages the load and the vacuum dirtied, both done now so that neither runs
    // during the measurement: the figures are for a ledger in its steady state.
    // (BENCH_NO_VACUUM=1 measures right after the load, with autovacuum left to itself.)
    if (!process.env.BENCH_NO_VACUUM) {
      await withClient(database.url, async (c) => {
        await c.query('VACUUM ANALYZE');
        await c.query('CHECKPOINT');
      });
    }
    const id = randomUUID();
    await app.get(UsersService).add(`bench-${id.slice(0, 8)}`, 'board', randomUUID(), id);
    const { tokenVersion } = (await app.get(UsersService).activeUser(id))!;
    const { accessToken } = await app
      .get(AuthService)
      .issueToken({ id, role: 'board', tokenVersion });
    const headers = { Authorization: `Bearer ${accessToken}` };
    await app.close();
    appOpen = false;
    // Loading a million events left a large heap in this process; collect it now, or V8 does so
    // by itself a little later — in the middle of the measurement, on both cores (run with
    // --expose-gc, as `npm run bench:queries` does).
    (globalThis as { gc?: () => void }).gc?.();

    // The API as in production, in a process of its own (same database, same token secret).
    // --trace-gc: its full collections (mark-compact) are counted from its output.
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = fork(join(__dirname, '..', 'apps', 'api', 'src', 'main.js'), {
      env: { ...process.env, ...environment, PORT: String(port) },
      execArgv: ['--trace-gc'],
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    const fullCollections: number[] = [];
    let counting = false;
    server.stdout!.on('data', (chunk: Buffer) => {
      if (!counting) return;
      for (const line of chunk.toString().split('\n')) {
        const pause = /Mark-Compact[^,]*, ([\d.]+) \/ [\d.]+ ms/.exec(line);
        if (pause) fullCollections.push(Number(pause[1]));
      }
    });
    await serving(base, server);
    const endpoints = (
      process.env.BENCH_ENDPOINTS ??
      '/progress,/progress?asOf=2019-12-31,/governance/composition?asOf=2018-06-01,/governance/timeline?page=1&pageSize=50,/partners,/initiatives'
    ).split(',');
    // Each endpoint on its own first (20 requests one after another), to show what one costs
    // without queueing.
    for (const endpoint of endpoints) {
      const alone: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t = process.hrtime.bigint();
        await (await fetch(`${base}${endpoint}`, { headers })).arrayBuffer();
        alone.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      alone.sort((a, b) => a - b);
      console.log(
        `alone: ${endpoint.padEnd(45)} min ${alone[0].toFixed(1)} ms, median ${percentile(alone, 50).toFixed(1)} ms, max ${alone[alone.length - 1].toFixed(1)} ms`,
      );
    }
    // The timed load from a process of its own (see query-load.ts). Measured beside it: the CPU
    // the server and PostgreSQL spend per request, and the server's full garbage collections (a
    // mark-compact pauses the server for milliseconds and keeps a second core busy marking).
    const serverCpuBefore = processCpuSeconds(server.pid!);
    const cpuBefore = cpuSeconds();
    counting = true;
    const load = fork(join(__dirname, 'query-load.js'));
    const result = await new Promise<{
      latencies: Record<string, number[]>;
      errors: number;
      sent: number;
      total: number;
    }>((resolve, reject) => {
      load.once('message', (message) => resolve(message as never));
      load.once('exit', (code) => reject(new Error(`the load process ended with ${code}`)));
      load.send({
        base,
        headers,
        endpoints,
        rate: RATE,
        clients: CLIENTS,
        seconds: SECONDS,
        warmUpSeconds: 3,
      });
    });
    counting = false;
    const cpuAfter = cpuSeconds();
    const serverCpu = processCpuSeconds(server.pid!) - serverCpuBefore;
    const requests = result.total;
    const spentMs = (seconds: number) => ((seconds * 1000) / requests).toFixed(2);
    console.log(
      `CPU per request: server ${spentMs(serverCpu)} ms, PostgreSQL ${spentMs(cpuAfter.postgres - cpuBefore.postgres)} ms; ` +
        `server full collections: ${fullCollections.length}, longest pause ${Math.max(0, ...fullCollections).toFixed(1)} ms`,
    );
    const latencies = new Map(Object.entries(result.latencies));
    const { errors, sent } = result;
    const all: number[] = [];
    for (const [endpoint, values] of latencies) {
      values.sort((a, b) => a - b);
      all.push(...values);
      console.log(
        `${endpoint.padEnd(45)} n=${values.length} p50 ${percentile(values, 50).toFixed(1)} ms  p99 ${percentile(values, 99).toFixed(1)} ms`,
      );
    }
    all.sort((a, b) => a - b);
    console.log(
      `distribution: p90 ${percentile(all, 90).toFixed(1)} ms, p95 ${percentile(all, 95).toFixed(1)} ms, p98 ${percentile(all, 98).toFixed(1)} ms, p99.9 ${percentile(all, 99.9).toFixed(1)} ms, max ${all[all.length - 1].toFixed(1)} ms`,
    );
    console.log(
      `queries: ${fmt(sent / SECONDS)} req/s over ${fmt(head)} events: p50 ${percentile(all, 50).toFixed(1)} ms, p99 ${percentile(all, 99).toFixed(1)} ms, ${errors} errors`,
    );
  } finally {
    if (server) {
      const ended = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await ended;
    }
    if (appOpen) await app.close();
    await database.close();
  }
}

/** Waits until the API answers /health with every projection caught up. */
async function serving(base: string, server?: ChildProcess): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (server && server.exitCode !== null)
      throw new Error(`the API ended with ${server.exitCode}`);
    try {
      const health = (await (await fetch(`${base}/health`)).json()) as {
        info?: { projections?: { projections?: Record<string, { lag: number }> } };
      };
      const lags = Object.values(health.info?.projections?.projections ?? {}).map((p) => p.lag);
      if (lags.length && Math.max(...lags) === 0) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 600_000) throw new Error('not caught up within 10 minutes');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
