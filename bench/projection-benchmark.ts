import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore } from '@ledger/event-store';
import { ledgerEventTypes } from '@ledger/platform';
import { ledgerProjections, ProjectionRunner, rebuildProjections } from '@ledger/read-models';
import { cpuSeconds, fmt, openBenchDatabase, percentile, profiled } from './bench-database';

/**
 * npm run bench:projections — two figures for the read side:
 *  1. rebuild: all projections replayed from position 0 over EVENTS events (default 1 million:
 *     housing reports with corrections and retractions, the bulk of a real log), events/s;
 *  2. lag: with the live projector running, a steady load of RATE commands/s for SECONDS seconds;
 *     for every command, the time from the append's acknowledgement until its event is in the
 *     read models (p50, p99, max).
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const actor = { id: 'bench', role: 'secretariat' };

function report(n: number) {
  return {
    type: 'HomesReported',
    data: {
      reportId: `r${n}`,
      count: (n % 9) + 1,
      period: `${2016 + (n % 10)}-Q${(n % 4) + 1}`,
      municipality: ['København', 'Aarhus', 'Odense', 'Roskilde'][n % 4],
      initiativeId: n % 3 ? 'kollegiemodellen' : 'hjem-til-dig',
      partnerId: ['bikubenfonden', 'koebenhavns-kommune', 'roede-kors'][n % 3],
      source: 'bench',
      housingType: 'dorm-room',
      permanent: true,
    },
    occurredAt: `${2016 + (n % 10)}-06-30`,
  };
}

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  const store = new PostgresEventStore({
    connectionString: database.url,
    registry: ledgerEventTypes(),
    poolSize: 8,
  });
  const pool = new Pool({ connectionString: database.url, max: 4 });
  try {
    // Load: appends of up to 500 events to one stream each (per-report streams would take ten
    // minutes to load here; projection cost is per event either way). Every 6th report is
    // corrected, every 20th retracted.
    const t0 = Date.now();
    let written = 0;
    let n = 0;
    let streams = 0;
    const loaders = Array.from({ length: 4 }, async () => {
      while (written < EVENTS) {
        const events: Array<{ type: string; data: object; occurredAt?: string }> = [];
        while (events.length < 500 && written + events.length < EVENTS) {
          const id = n++;
          events.push(report(id));
          if (id % 6 === 0) {
            events.push({
              type: 'HousingCountCorrected',
              data: {
                reportId: `r${id}`,
                previousCount: (id % 9) + 1,
                count: (id % 9) + 2,
                reason: 'bench',
              },
            });
          }
          if (id % 20 === 0)
            events.push({
              type: 'HousingCountRetracted',
              data: { reportId: `r${id}`, reason: 'bench' },
            });
        }
        written += events.length;
        await store.append(`housing-bench-${streams++}`, events, 'no_stream', {
          commandId: randomUUID(),
          actor,
        });
      }
    });
    await Promise.all(loaders);
    await store.flush();
    const head = await store.headPosition();
    console.log(`loaded ${fmt(head)} events in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    // A ledger's steady state, not the moment after a million-event burst: the vacuum that
    // autovacuum would otherwise run on the new rows during the rebuild, and a checkpoint, so the
    // rebuild does not start with the load's write-ahead log still to be checkpointed (as in the
    // query benchmark; BENCH_NO_VACUUM=1 rebuilds right after the load).
    if (!process.env.BENCH_NO_VACUUM) {
      await pool.query('VACUUM ANALYZE');
      await pool.query('CHECKPOINT');
    }

    const projections = ledgerProjections();
    // What `cli rebuild` does: empty the tables, replay from 0, make the query indexes again.
    const r0 = process.hrtime.bigint();
    const cpu0 = cpuSeconds();
    let indexingFrom = 0n;
    await profiled(() =>
      rebuildProjections(database.url, store, projections, ({ indexing }) => {
        if (indexing && !indexingFrom) indexingFrom = process.hrtime.bigint();
      }),
    );
    const r1 = process.hrtime.bigint();
    const cpu1 = cpuSeconds();
    const cpu = cpu1.node - cpu0.node + (cpu1.postgres - cpu0.postgres);
    // The work is the same in every run; CPU time for it that rises from one run to the next is
    // the virtual machine running slower, which the events/s alone would hide.
    console.log(
      `rebuild CPU: node ${(cpu1.node - cpu0.node).toFixed(1)} s, postgres ${(cpu1.postgres - cpu0.postgres).toFixed(1)} s (${((cpu / head) * 1e6).toFixed(1)} CPU-s per million events)`,
    );
    console.log(
      `rebuild: replay ${(Number(indexingFrom - r0) / 1e9).toFixed(1)} s, query indexes ${(Number(r1 - indexingFrom) / 1e9).toFixed(1)} s`,
    );
    const rebuildSeconds = Number(process.hrtime.bigint() - r0) / 1e9;
    const rebuildRate = head / rebuildSeconds;
    console.log(
      `rebuild: ${fmt(head)} events in ${rebuildSeconds.toFixed(1)} s = ${fmt(rebuildRate)} events/s`,
    );

    // Lag under a steady load, with the live projector. First the vacuum that autovacuum would
    // soon start by itself after a million new rows, so that it does not run during the
    // measurement: the figure is for a ledger in its steady state.
    await pool.query('VACUUM ANALYZE');
    const runner = new ProjectionRunner({
      connectionString: database.url,
      store,
      projections,
      logger: { log: () => undefined, warn: console.warn, error: console.error },
    });
    runner.start();
    // The checkpoint as it moves, sampled every 5 ms: (time, position applied by every projection).
    const applied: Array<{ at: number; position: number }> = [];
    let stop = false;
    const firstNew = head + 1;
    const watcher = (async () => {
      for (;;) {
        const { rows } = await pool.query<{ position: string }>(
          'SELECT min(position) AS position FROM read_models.projection_checkpoint',
        );
        applied.push({ at: Date.now(), position: Number(rows[0].position) });
        if (stop && Number(rows[0].position) >= (await store.headPosition())) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    // Its failure is reported where it is awaited, after the load, not as an unhandled rejection.
    watcher.catch(() => undefined);
    const interval = 1000 / RATE;
    const started = Date.now();
    let sent = 0;
    const acknowledged = new Map<string, number>();
    const inflight: Array<Promise<void>> = [];
    const failed: Error[] = [];
    while (Date.now() - started < SECONDS * 1000) {
      const due = Math.floor((Date.now() - started) / interval);
      while (sent < due) {
        const id = n++;
        sent++;
        const streamId = `housing-report-r${id}`;
        inflight.push(
          store
            .append(streamId, [report(id)], 'no_stream', { commandId: randomUUID(), actor })
            .then(
              () => {
                acknowledged.set(streamId, Date.now());
              },
              // Handled at once: a rejection left until the load ends would be unhandled
              // meanwhile, and end the process with no figures at all.
              (error: Error) => {
                failed.push(error);
              },
            ),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await Promise.all(inflight);
    if (failed.length) {
      throw new Error(
        `${failed.length} of ${sent} appends failed during the lag phase; the first: ${failed[0].stack}`,
      );
    }
    stop = true;
    await watcher;
    // Each event's lag: from its append's acknowledgement to the first sample in which every
    // projection had applied its position. Positions are looked up afterwards, so that the
    // measurement adds no queries while it runs.
    const lags: number[] = [];
    for (const event of await store.readAll(head, sent + 1)) {
      const ackAt = acknowledged.get(event.streamId);
      if (ackAt === undefined || event.globalPosition! < firstNew) continue;
      const sample = applied.find((s) => s.position >= event.globalPosition!);
      if (sample) lags.push(Math.max(0, sample.at - ackAt));
    }
    await runner.stop();
    lags.sort((a, b) => a - b);
    const achieved = sent / SECONDS;
    console.log(
      `lag at ${fmt(achieved)} commands/s for ${SECONDS} s: p50 ${percentile(lags, 50)} ms, p99 ${percentile(lags, 99)} ms, max ${lags[lags.length - 1]} ms`,
    );
    console.log(
      `projections: rebuild ${fmt(rebuildRate)} ev/s over ${fmt(head)} events; lag p99 ${percentile(lags, 99)} ms at ${fmt(achieved)} commands/s`,
    );
  } finally {
    await store.close();
    await pool.end();
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
