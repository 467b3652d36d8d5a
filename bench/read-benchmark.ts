import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore } from '@ledger/event-store';
import { benchRegistry, housingCount, RAW_TABLE } from './bench-events';
import { fmt, openBenchDatabase, withClient } from './bench-database';

/**
 * npm run bench:read — readAll over a log of EVENTS events (default 1 million) in pages of 5000,
 * against a raw baseline on the same database in the same run: plain
 * SELECT ... WHERE position > $1 ORDER BY position LIMIT 5000 over a table holding the same rows.
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const PAGE = 5000;

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  try {
    const store = new PostgresEventStore({
      connectionString: database.url,
      registry: benchRegistry(),
      poolSize: 8,
    });
    const loadStart = Date.now();
    const perAppend = 1000;
    const loaders = 4;
    let next = 0;
    await Promise.all(
      Array.from({ length: loaders }, async () => {
        for (;;) {
          const start = next;
          next += perAppend;
          if (start >= EVENTS) return;
          const count = Math.min(perAppend, EVENTS - start);
          await store.append(
            `housing-load-${start % 97}`,
            Array.from({ length: count }, (_, i) => housingCount(start + i)),
            'any',
            { commandId: randomUUID(), actor: { id: 'bench', role: 'secretariat' } },
          );
        }
      }),
    );
    await store.flush();
    console.log(
      `loaded ${fmt(EVENTS)} events in ${((Date.now() - loadStart) / 1000).toFixed(1)} s (appends of ${perAppend}, sealed)`,
    );

    // The baseline holds the same rows: same data, the envelope as one jsonb column.
    await withClient(database.url, async (c) => {
      await c.query(RAW_TABLE);
      await c.query(`
        INSERT INTO bench_raw (position, stream_id, version, type, data, metadata)
        SELECT global_position, stream_id, stream_version, type, data,
               jsonb_build_object('eventId', event_id, 'schemaVersion', schema_version, 'occurredAt', occurred_at,
                 'recordedAt', recorded_at, 'actor', jsonb_build_object('id', actor_id, 'role', actor_role),
                 'commandId', command_id, 'correlationId', correlation_id, 'causationId', causation_id,
                 'streamHash', encode(stream_hash, 'hex'), 'globalHash', encode(global_hash, 'hex'))
          FROM event_store.events`);
      await c.query('VACUUM ANALYZE bench_raw');
      await c.query('VACUUM ANALYZE event_store.events');
    });

    const pool = new Pool({ connectionString: database.url, max: 1 });
    const rawRate = await timeRead(async (after) => {
      const result = await pool.query(
        'SELECT * FROM bench_raw WHERE position > $1 ORDER BY position LIMIT 5000',
        [after],
      );
      return result.rows.length ? Number(result.rows[result.rows.length - 1].position) : null;
    });
    await pool.end();
    const storeRate = await timeRead(async (after) => {
      const events = await store.readAll(after, PAGE);
      return events.length ? events[events.length - 1].globalPosition : null;
    });
    await store.close();
    console.log(`raw   ${fmt(rawRate)} events/s`);
    console.log(`store ${fmt(storeRate)} events/s`);
    console.log(
      `readAll: ${fmt(EVENTS)} events ${fmt(storeRate)} ev/s = ${(storeRate / rawRate).toFixed(2)} of raw (${fmt(rawRate)} ev/s)`,
    );
  } finally {
    await database.close();
  }
}

/** Reads the whole log page by page; returns events per second. */
async function timeRead(page: (after: number) => Promise<number | null>): Promise<number> {
  const t0 = process.hrtime.bigint();
  let after = 0;
  for (;;) {
    const last = await page(after);
    if (last === null) break;
    after = last;
  }
  return after / (Number(process.hrtime.bigint() - t0) / 1e9);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
