import { Client, Pool } from 'pg';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { RESILIENT_POOL_OPTIONS, withPoolClient } from './pool-resilience';

/**
 * A server ending a connection under a pool client (here pg_terminate_backend, which sends what a
 * dying postmaster sends: FATAL 57P01) costs the work on it, never the process, and the pool
 * serves the next caller with a fresh connection. The whole-server version of this is
 * test/faults/postmaster-kill.e2e-spec.ts.
 */
describe('pool resilience', () => {
  let database: TestDatabase;
  let pool: Pool;
  let admin: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new Pool({ connectionString: database.url, max: 2, ...RESILIENT_POOL_OPTIONS });
    pool.on('error', () => undefined);
    admin = new Client({ connectionString: database.url });
    await admin.connect();
  });

  afterAll(async () => {
    await pool?.end();
    await admin?.end();
    await database?.drop();
  });

  const terminate = (pid: number) =>
    admin.query('SELECT pg_terminate_backend($1)', [pid]).then(() => undefined);

  it('gives every pool client an error listener for life, even between hand-out and use', async () => {
    const client = await pool.connect();
    try {
      // Without a listener, emit('error') throws (node's unhandled 'error' event).
      expect(() => client.emit('error', new Error('the server went away'))).not.toThrow();
    } finally {
      client.release(true);
    }
  });

  it('survives the connection dying while a client is checked out and idle, and discards it', async () => {
    const failure = withPoolClient(pool, async (client) => {
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await terminate(rows[0].pid);
      // The FATAL arrives while no query runs on this client: the 'error' event case.
      await new Promise((resolve) => setTimeout(resolve, 200));
      return client.query('SELECT 1');
    });
    await expect(failure).rejects.toThrow(/not queryable|terminat/);
    expect(pool.totalCount).toBe(0); // given back with its error: discarded, not reused
    const { rows } = await withPoolClient(pool, (client) => client.query('SELECT 1 AS one'));
    expect(rows).toEqual([{ one: 1 }]);
  });

  it('gives a client back for reuse when its work succeeded, and discards it when the work threw', async () => {
    await withPoolClient(pool, (client) => client.query('SELECT 1'));
    expect(pool.idleCount).toBe(1);
    await expect(
      withPoolClient(pool, async (client) => {
        await client.query('BEGIN');
        await client.query('SELECT 1/0');
      }),
    ).rejects.toThrow(/division by zero/);
    // The client in its aborted transaction was ended, not handed to the next caller.
    expect(pool.totalCount).toBe(0);
  });
});
