import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { PostgresEventStore } from '@ledger/event-store';
import { ledgerEventTypes, migrateDatabase } from '@ledger/platform';
import { catchUp, ledgerProjections } from '@ledger/read-models';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { LedgerEvents } from '../support/ledger-events';
import { spawnLedger } from '../support/spawn-ledger';
import { recordRealisticLedger } from './audit-data';

/**
 * Someone with write access to the database changes the log with plain SQL: `cli verify` (the
 * built CLI, in its own process) exits non-zero and names the event at fault.
 */
describe('cli verify catches tampering with stored events', () => {
  let database: TestDatabase;
  let pool: Pool;

  beforeEach(async () => {
    database = await createTestDatabase();
    await migrateDatabase(database.url);
    const store = new PostgresEventStore({
      connectionString: database.url,
      registry: ledgerEventTypes(),
    });
    pool = new Pool({ connectionString: database.url, max: 2 });
    await recordRealisticLedger(new LedgerEvents(store));
    await store.flush();
    await catchUp(store, pool, ledgerProjections());
    await store.close();
  });

  afterEach(async () => {
    await pool?.end();
    await database?.drop();
  });

  async function verify(): Promise<{ code: number | null; output: string }> {
    const proc = spawnLedger(
      'cli',
      {
        DATABASE_URL: database.url,
        LOG_LEVEL: 'warn',
        SIGNING_KEY_FILE: join(tmpdir(), `ledger-tamper-key-${process.pid}.pem`),
      },
      ['verify'],
    );
    return { code: await proc.exited, output: proc.output() };
  }

  async function positionOf(streamId: string, version: number): Promise<number> {
    const { rows } = await pool.query(
      'SELECT global_position FROM event_store.events WHERE stream_id = $1 AND stream_version = $2',
      [streamId, version],
    );
    return Number(rows[0].global_position);
  }

  it('passes the untouched ledger', async () => {
    expect((await verify()).code).toBe(0);
  });

  it('names the event whose data was edited', async () => {
    const position = await positionOf('housing-report-r6', 1);
    await pool.query(
      `UPDATE event_store.events SET data = jsonb_set(data, '{count}', '111') WHERE stream_id = 'housing-report-r6' AND stream_version = 1`,
    );
    const { code, output } = await verify();
    expect(output).toMatch(
      new RegExp(
        `^FAILED: 1 fault\\(s\\) in the log; first: content-changed at stream housing-report-r6, version 1, global position ${position}`,
      ),
    );
    // The read models, computed from the true event, no longer equal a replay of the edited one.
    expect(output).toMatch(
      /read model housing\.housing_count_change: .*count is 11, the replay gives 111/,
    );
    expect(code).toBe(1);
  });

  it('names the gap where an event was deleted', async () => {
    const position = await positionOf('housing-report-r6', 2);
    await pool.query(
      `DELETE FROM event_store.events WHERE stream_id = 'housing-report-r6' AND stream_version = 2`,
    );
    const { code, output } = await verify();
    expect(output).toMatch(/^FAILED: /);
    expect(output).toMatch(
      /log fault stream-version-gap at housing-report-r6@3, .*expected version 2 of housing-report-r6, found 3/,
    );
    expect(output).toMatch(
      new RegExp(
        `log fault global-position-gap at .*expected global position ${position}, found ${position + 1}`,
      ),
    );
    expect(code).toBe(1);
  });

  it('names the positions where two events were swapped', async () => {
    const a = await positionOf('housing-report-r2', 1);
    const b = await positionOf('housing-report-r5', 1);
    // Three statements: the unique index on positions is not deferrable.
    await pool.query(
      'UPDATE event_store.events SET global_position = -1 WHERE global_position = $1',
      [a],
    );
    await pool.query(
      'UPDATE event_store.events SET global_position = $1 WHERE global_position = $2',
      [a, b],
    );
    await pool.query(
      'UPDATE event_store.events SET global_position = $1 WHERE global_position = -1',
      [b],
    );
    const { code, output } = await verify();
    expect(output).toMatch(
      new RegExp(
        `^FAILED: \\d+ fault\\(s\\) in the log; first: global-chain-broken at stream housing-report-r5, version 1, global position ${a}`,
      ),
    );
    expect(output).toMatch(
      new RegExp(`log fault global-chain-broken at housing-report-r2@1, global position ${b}`),
    );
    expect(code).toBe(1);
  });
});
