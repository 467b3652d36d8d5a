import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore } from '@ledger/event-store';
import { benchRegistry, housingCount, RAW_TABLE, rawMetadata } from './bench-events';
import { fmt, openBenchDatabase, percentile, withClient } from './bench-database';

/**
 * npm run bench:append — appends per second with 1, 8 and 32 concurrent writers (each on its own
 * stream), one event and ten events per append, against a raw baseline measured in the same run
 * on the same database: plain INSERTs of rows of the same size into a bare table with a bigserial
 * and a unique (stream, version), with the same number of connections.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WRITERS = (process.env.BENCH_WRITERS ?? '1,8,32').split(',').map(Number);
const BATCHES = (process.env.BENCH_BATCHES ?? '1,10').split(',').map(Number);

interface Measure {
  eventsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
}

async function run(
  writers: number,
  work: (writer: number, round: number) => Promise<number>,
): Promise<Measure> {
  const latencies: number[] = [];
  let events = 0;
  const deadline = Date.now() + SECONDS * 1000;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let round = 0; Date.now() < deadline; round++) {
        const t0 = process.hrtime.bigint();
        const appended = await work(writer, round); // not `events += await`: that loses updates
        events += appended;
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    eventsPerSecond: events / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
  };
}

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  const results: Array<{
    writers: number;
    batch: number;
    raw: Measure;
    store: Measure;
    sealedAfterMs: number;
  }> = [];
  try {
    await withClient(database.url, (c) => c.query(RAW_TABLE));
    for (const batch of BATCHES) {
      for (const writers of WRITERS) {
        const pool = new Pool({ connectionString: database.url, max: writers });
        const runId = randomUUID().slice(0, 8);
        const payload = JSON.stringify(housingCount(0).data);
        const raw = await run(writers, async (writer, round) => {
          const values: string[] = [];
          const params: unknown[] = [];
          for (let i = 0; i < batch; i++) {
            const n = params.length;
            values.push(`($${n + 1}, $${n + 2}, 'HomesReported', $${n + 3}, $${n + 4})`);
            params.push(
              `raw-${runId}-${writer}`,
              round * batch + i + 1,
              payload,
              rawMetadata(round),
            );
          }
          await pool.query(
            `INSERT INTO bench_raw (stream_id, version, type, data, metadata) VALUES ${values.join(',')}`,
            params,
          );
          return batch;
        });
        await pool.end();

        const store = new PostgresEventStore({
          connectionString: database.url,
          registry: benchRegistry(),
          poolSize: writers,
        });
        const events = Array.from({ length: batch }, (_, i) => housingCount(i));
        const measured = await run(writers, async (writer, round) => {
          await store.append(`housing-${runId}-${writer}`, events, round * batch, {
            commandId: randomUUID(),
            actor: { id: 'bench', role: 'secretariat' },
          });
          return batch;
        });
        // The global order must keep up: how long until everything appended is sealed.
        const t0 = Date.now();
        await store.flush();
        const sealedAfterMs = Date.now() - t0;
        await store.close();
        results.push({ writers, batch, raw, store: measured, sealedAfterMs });
        const r = results[results.length - 1];
        console.log(
          `writers ${String(writers).padStart(2)} batch ${String(batch).padStart(2)}: ` +
            `raw ${fmt(raw.eventsPerSecond).padStart(7)} ev/s (p50 ${fmt(raw.p50, 1)} ms, p99 ${fmt(raw.p99, 1)} ms, max ${fmt(raw.max, 0)} ms)  ` +
            `store ${fmt(measured.eventsPerSecond).padStart(7)} ev/s (p50 ${fmt(measured.p50, 1)} ms, p99 ${fmt(measured.p99, 1)} ms, max ${fmt(measured.max, 0)} ms)  ` +
            `= ${(measured.eventsPerSecond / raw.eventsPerSecond).toFixed(2)} of raw; sealed ${r.sealedAfterMs} ms after the last append`,
        );
      }
    }
  } finally {
    await database.close();
  }
  const at = (w: number, b: number) => results.find((r) => r.writers === w && r.batch === b);
  const ratio = (r?: { store: Measure; raw: Measure }) =>
    r ? (r.store.eventsPerSecond / r.raw.eventsPerSecond).toFixed(2) : 'n/a';
  const single32 = at(32, 1);
  console.log(
    `append: 32 writers ${single32 ? fmt(single32.store.eventsPerSecond) : 'n/a'} ev/s = ${ratio(single32)} of raw; ` +
      `batch10 ${ratio(at(32, 10))} of raw; p99@8 ${at(8, 1)?.store.p99.toFixed(1) ?? 'n/a'} ms`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
