import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { PostgresEventStore } from '@ledger/event-store';
import { ledgerEventTypes, migrateDatabase } from '@ledger/platform';
import {
  catchUp,
  ledgerProjections,
  rebuildProjections,
  resetProjections,
  setAsideQueryIndexes,
} from '@ledger/read-models';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { LedgerEvents } from '../support/ledger-events';
import { LedgerProcess, spawnLedger } from '../support/spawn-ledger';

/**
 * A projector killed at any moment resumes with nothing missed and nothing counted twice, two
 * projectors never both apply, and the result equals a clean rebuild row for row.
 */
describe('the projector survives being killed mid-stream', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let pool: Pool;
  let expectedHomes = 0;
  const running: LedgerProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    await migrateDatabase(database.url);
    store = new PostgresEventStore({
      connectionString: database.url,
      registry: ledgerEventTypes(),
    });
    pool = new Pool({ connectionString: database.url, max: 2 });
    const ledger = new LedgerEvents(store);
    await ledger.foundAlliance();
    await ledger.partnerJoined('bikubenfonden', 'Bikubenfonden', 'foundation', null);
    await ledger.initiativeLaunched('kollegiemodellen', 'Kollegiemodellen', 100);
    const reports = Array.from({ length: 600 }, (_, i) => i);
    for (let i = 0; i < reports.length; i += 20) {
      await Promise.all(
        reports.slice(i, i + 20).map((n) => {
          const count = (n % 9) + 1;
          expectedHomes += count;
          const year = 2016 + (n % 10);
          return ledger.homesReported(
            `r${n}`,
            count,
            `${year}-Q${(n % 4) + 1}`,
            n % 2 ? 'Odense' : 'Aarhus',
            'kollegiemodellen',
            'bikubenfonden',
            `${year}-06-30`,
          );
        }),
      );
    }
    // Corrections and retractions of some of them: every 4th loses one home, every 25th is withdrawn.
    for (let n = 0; n < 600; n += 4) {
      const count = (n % 9) + 1;
      if (n % 25 === 0) {
        await ledger.retracted(`r${n}`, 'not a new home');
        expectedHomes -= count;
      } else if (count > 1) {
        await ledger.corrected(`r${n}`, count, count - 1, 'counted one twice');
        expectedHomes -= 1;
      }
    }
    await store.flush();
  });

  afterAll(async () => {
    for (const proc of running) if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
    await store?.close();
    await pool?.end();
    await database?.drop();
  });

  const projectorEnv = () => ({
    DATABASE_URL: database.url,
    PROJECTOR_BATCH_SIZE: '7',
    LOG_LEVEL: 'warn',
    SIGNING_KEY_FILE: join(tmpdir(), `ledger-crash-key-${process.pid}.pem`),
  });

  async function positions(): Promise<number[]> {
    const result = await pool.query<{ position: string }>(
      'SELECT position FROM read_models.projection_checkpoint ORDER BY projection',
    );
    return result.rows.map((row) => Number(row.position));
  }

  async function snapshot(): Promise<Record<string, unknown[]>> {
    const tables = ledgerProjections().flatMap((p) => p.tables.map((t) => `read_models.${t}`));
    const entries = await Promise.all(
      tables.map(
        async (table) =>
          [table, (await pool.query(`SELECT * FROM ${table} t ORDER BY t::text`)).rows] as const,
      ),
    );
    return Object.fromEntries(entries);
  }

  it('resumes after SIGKILL, with two projectors racing, and equals a clean rebuild', async () => {
    const head = await store.headPosition();
    expect(head).toBeGreaterThan(700);

    const first = spawnLedger('projector', projectorEnv());
    running.push(first);
    let killedAt: number[] = [];
    for (;;) {
      const now = await positions();
      if (now.length === 5 && Math.min(...now) > 0) {
        first.child.kill('SIGKILL');
        killedAt = now;
        break;
      }
      if (first.child.exitCode !== null)
        throw new Error(`projector exited early:\n${first.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await first.exited;
    // It really was killed mid-stream.
    expect(Math.min(...killedAt)).toBeLessThan(head);

    // Two projectors at once: one takes the lease and finishes, the other waits.
    const second = spawnLedger('projector', projectorEnv());
    const third = spawnLedger('projector', projectorEnv());
    running.push(second, third);
    const deadline = Date.now() + 60000;
    while (Math.min(...(await positions())) < head) {
      if (Date.now() > deadline)
        throw new Error(`not caught up:\n${second.output()}\n${third.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    second.child.kill('SIGTERM');
    third.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(await third.exited).toBe(0);

    const resumed = await snapshot();
    const total = await pool.query<{ homes: string; changes: string }>(
      `SELECT (SELECT sum(count) FROM read_models.housing_report) AS homes, (SELECT count(*) FROM read_models.housing_count_change) AS changes`,
    );
    expect(Number(total.rows[0].homes)).toBe(expectedHomes);
    const runningTotal = await pool.query<{ homes: string }>(
      'SELECT sum(homes) AS homes FROM read_models.housing_total',
    );
    expect(Number(runningTotal.rows[0].homes)).toBe(expectedHomes);
    expect(Number(total.rows[0].changes)).toBe(head - 3);

    const projections = ledgerProjections();
    await resetProjections(pool, projections);
    expect(
      Number((await pool.query('SELECT count(*) FROM read_models.housing_report')).rows[0].count),
    ).toBe(0);
    // In small batches, so each is prepared while the one before is still being written, and
    // the corrections (logged after every report) change reports of batches written before.
    await catchUp(store, pool, projections, undefined, { batchSize: 37 });
    expect(await snapshot()).toEqual(resumed);
  });

  async function indexes(): Promise<Array<{ indexname: string; indexdef: string }>> {
    return (
      await pool.query(
        `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'read_models' ORDER BY indexname`,
      )
    ).rows;
  }

  it('rebuilds with the query indexes set aside, makes them again, and a rebuild killed half-way leaves them to the next projector', async () => {
    const before = await indexes();
    const rows = await snapshot();
    const phases: string[] = [];
    await rebuildProjections(database.url, store, ledgerProjections(), ({ indexing }) => {
      const phase = indexing ? 'indexing' : 'replaying';
      if (phases[phases.length - 1] !== phase) phases.push(phase);
    });
    expect(phases).toEqual(['replaying', 'indexing']);
    expect(await snapshot()).toEqual(rows);
    expect(await indexes()).toEqual(before);

    // A rebuild that dies after setting the indexes aside.
    const client = await pool.connect();
    try {
      await setAsideQueryIndexes(client, 'read_models', ledgerProjections(), { remember: true });
    } finally {
      client.release();
    }
    const setAside = await indexes();
    expect(setAside.length).toBeLessThan(before.length);
    // Keys stay: upserts and lookups by key need them.
    const names = setAside.map((i) => i.indexname);
    expect(names).toEqual(
      expect.arrayContaining(['housing_report_pkey', 'housing_count_change_pkey']),
    );
    expect(names).not.toContain('housing_change_report');

    const projector = spawnLedger('projector', projectorEnv());
    running.push(projector);
    const deadline = Date.now() + 30000;
    while ((await indexes()).length < before.length) {
      if (Date.now() > deadline) throw new Error(`indexes not restored:\n${projector.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await indexes()).toEqual(before);
    projector.child.kill('SIGTERM');
    expect(await projector.exited).toBe(0);
  });
});
