import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { DATABASE_URL } from '@ledger/platform';

/** Runs one SQL query; what the services need of a connection. */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows as DataSource.query gives them
  query(text: string, params?: unknown[]): Promise<any>;
}

/**
 * A small pool of its own for questions about a past date, which read the whole change history
 * and can take seconds on a long log: two at a time at most, queued here, so they never take the
 * connections that the current figures, the board and the partner lists need.
 */
@Injectable()
export class HistoryQueries implements Queryable, OnApplicationShutdown {
  private readonly pool: Pool;

  constructor(@Inject(DATABASE_URL) databaseUrl: string) {
    this.pool = new Pool({
      connectionString: databaseUrl,
      max: 2,
      application_name: 'ledger-history-queries',
    });
    this.pool.on('error', () => undefined);
  }

  async query(text: string, params: unknown[] = []): Promise<Array<Record<string, unknown>>> {
    return (await this.pool.query(text, params)).rows;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
