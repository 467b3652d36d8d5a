import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { NewEvent, PostgresEventStore } from '@ledger/event-store';
import { ledgerEventTypes } from '@ledger/platform';
import { catchUp, ledgerProjections } from '@ledger/read-models';
import { AuditService } from '@ledger/application';
import { fmt, openBenchDatabase, withClient } from './bench-database';

/**
 * npm run bench:verify — `verify` over a log of EVENTS events (default 1 million): the hash
 * chains, versions and types, and every read model compared with a fresh replay into a scratch
 * schema. The log holds housing reports shaped as the domain writes them (each with its own
 * stream) and one correction for every nine reports; the live read models are filled first by the
 * ordinary projector path (catchUp), as a running ledger would have them.
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const MUNICIPALITIES = ['København', 'Aarhus', 'Odense', 'Aalborg', 'Esbjerg'];
const INITIATIVES = ['kollegiemodellen', 'hjem-til-dig', 'skaeve-huse'];
const PARTNERS = ['bikubenfonden', 'koebenhavns-kommune', 'roede-kors', 'aarhus-kommune'];

function reported(i: number): NewEvent {
  const year = 2016 + (i % 10);
  const quarter = (i % 4) + 1;
  return {
    type: 'HomesReported',
    data: {
      reportId: `r${i}`,
      count: (i % 17) + 1,
      period: `${year}-Q${quarter}`,
      municipality: MUNICIPALITIES[i % MUNICIPALITIES.length],
      initiativeId: INITIATIVES[i % INITIATIVES.length],
      partnerId: PARTNERS[i % PARTNERS.length],
      source: 'quarterly status',
      housingType: 'dorm-room',
      permanent: true,
    },
    occurredAt: `${year}-${String(quarter * 3).padStart(2, '0')}-28`,
  };
}

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  try {
    const registry = ledgerEventTypes();
    const store = new PostgresEventStore({ connectionString: database.url, registry, poolSize: 8 });
    const loadStart = Date.now();
    // Appends of 500 events to one stream each: per-report streams (as the domain writes them)
    // would take ten minutes to load here, and chain and replay costs are per event either way.
    // Every tenth report is followed by a correction.
    let next = 0;
    let written = 0;
    let streams = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (written < EVENTS) {
          const events: NewEvent[] = [];
          while (events.length < 500 && written + events.length < EVENTS) {
            const i = next++;
            const first = reported(i);
            events.push(first);
            if (i % 10 === 9 && written + events.length < EVENTS) {
              const count = (first.data as { count: number }).count;
              events.push({
                type: 'HousingCountCorrected',
                data: {
                  reportId: `r${i}`,
                  previousCount: count,
                  count: count + 1,
                  reason: 'late registration',
                },
                occurredAt: first.occurredAt,
              });
            }
          }
          written += events.length;
          await store.append(`housing-bench-${streams++}`, events, 'no_stream', {
            commandId: randomUUID(),
            actor: { id: 'bench', role: 'secretariat' },
          });
        }
      }),
    );
    await store.flush();
    const head = await store.headPosition();
    console.log(`loaded ${fmt(head)} events in ${((Date.now() - loadStart) / 1000).toFixed(1)} s`);

    const pool = new Pool({ connectionString: database.url, max: 2 });
    const projectStart = Date.now();
    await catchUp(store, pool, ledgerProjections());
    console.log(
      `live read models projected in ${((Date.now() - projectStart) / 1000).toFixed(1)} s`,
    );
    await withClient(database.url, (c) => c.query('VACUUM ANALYZE'));
    await pool.end();

    // The data source is only used by the report queries, not by verify.
    const audit = new AuditService(store, null as unknown as DataSource, database.url, registry);
    if (process.env.BENCH_PARTS) {
      // Each half alone, to see which one bounds the whole.
      let t = process.hrtime.bigint();
      await store.verify();
      console.log(`chains alone: ${(Number(process.hrtime.bigint() - t) / 1e9).toFixed(1)} s`);
      t = process.hrtime.bigint();
      await audit.verifyReadModels(ledgerProjections());
      console.log(
        `replay + comparison alone: ${(Number(process.hrtime.bigint() - t) / 1e9).toFixed(1)} s`,
      );
    }
    const t0 = process.hrtime.bigint();
    const verdict = await audit.verify();
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    console.log(verdict.verdict);
    console.log(
      `verify: ${fmt(verdict.chain.eventsChecked)} events, chains + read-model replay comparison in ${seconds.toFixed(1)} s ` +
        `(${fmt(verdict.chain.eventsChecked / seconds)} events/s)`,
    );
    await audit.onModuleDestroy();
    await store.close();
    if (!verdict.ok) process.exitCode = 1;
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
