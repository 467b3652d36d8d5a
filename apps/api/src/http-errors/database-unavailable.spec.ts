import { createServer } from 'node:net';
import { Client, DatabaseError, Pool } from 'pg';
import { QueryFailedError } from 'typeorm';
import { ConcurrencyError } from '@ledger/event-store';
import { isDatabaseUnavailable } from './database-unavailable';

/** pg's error for a message from the server, as the driver builds it. */
function serverError(code: string, message: string): DatabaseError {
  const error = new DatabaseError(message, message.length, 'error');
  error.code = code;
  error.severity = 'FATAL';
  return error;
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('isDatabaseUnavailable', () => {
  it('knows the server going away by its SQLSTATE', () => {
    for (const code of ['57P01', '57P02', '57P03', '08006', '08001', '08003', '53300', '25006']) {
      expect(isDatabaseUnavailable(serverError(code, 'terminating connection'))).toBe(true);
    }
  });

  it('knows pg and pg-pool errors that carry no code', () => {
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isDatabaseUnavailable(new Error('Connection terminated due to connection timeout')),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(
      isDatabaseUnavailable(
        new Error('Client has encountered a connection error and is not queryable'),
      ),
    ).toBe(true);
  });

  it('looks inside TypeORM, cause chains and AggregateErrors', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), {
      code: 'ECONNREFUSED',
    });
    expect(
      isDatabaseUnavailable(
        new QueryFailedError('SELECT 1', [], serverError('57P01', 'admin shutdown')),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('reading the user failed', { cause: refused }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new AggregateError([refused], ''))).toBe(true);
  });

  it('knows a real refused connection and a real connection timeout', async () => {
    const port = await closedPort();
    const refused = await new Client({ host: '127.0.0.1', port, user: 'x', database: 'x' })
      .connect()
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(isDatabaseUnavailable(refused)).toBe(true);

    // A server that accepts and never answers: pg gives up after its connection timeout, and
    // pg-pool after its own.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as { port: number }).port;
    const client = new Client({
      host: '127.0.0.1',
      port: silentPort,
      user: 'x',
      database: 'x',
      connectionTimeoutMillis: 200,
    });
    const clientTimedOut = await client.connect().then(
      () => null,
      (error: unknown) => error,
    );
    expect(isDatabaseUnavailable(clientTimedOut)).toBe(true);
    const pool = new Pool({
      host: '127.0.0.1',
      port: silentPort,
      user: 'x',
      database: 'x',
      connectionTimeoutMillis: 200,
    });
    const timedOut = await pool.query('SELECT 1').then(
      () => null,
      (error: unknown) => error,
    );
    await pool.end();
    silent.close();
    expect(isDatabaseUnavailable(timedOut)).toBe(true);
  });

  it('leaves every other error alone: those stay 4xx, or 500 and logged', () => {
    expect(isDatabaseUnavailable(serverError('23505', 'duplicate key value'))).toBe(false);
    expect(isDatabaseUnavailable(serverError('42P01', 'relation does not exist'))).toBe(false);
    expect(isDatabaseUnavailable(serverError('40001', 'could not serialize access'))).toBe(false);
    expect(isDatabaseUnavailable(new ConcurrencyError('partner-x', 3, 4))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined ('x')"))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable('Connection terminated')).toBe(false);
    const loop: { message: string; cause?: unknown } = { message: 'loop' };
    loop.cause = loop;
    expect(isDatabaseUnavailable(loop)).toBe(false);
  });
});
