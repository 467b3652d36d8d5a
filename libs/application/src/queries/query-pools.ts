import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { RESILIENT_POOL_OPTIONS } from '@ledger/event-store';
import { DATABASE_URL } from '@ledger/platform';

/** Runs one SQL query; what the services need of a connection. */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows as pg gives them
  query(text: string, params?: unknown[]): Promise<any>;
}

/** A pg pool of the query side's own, answering rows. */
abstract class QueryPool implements Queryable, OnApplicationShutdown {
  private readonly pool: Pool;

  protected constructor(databaseUrl: string, max: number, name: string) {
    this.pool = new Pool({
      connectionString: databaseUrl,
      max,
      application_name: name,
      // A dead server fails requests (503), never the process; see RESILIENT_POOL_OPTIONS.
      ...RESILIENT_POOL_OPTIONS,
    });
    // An idle connection whose server died: the pool drops it and connects again when asked.
    this.pool.on('error', () => undefined);
  }

  async query(text: string, params: unknown[] = []): Promise<Array<Record<string, unknown>>> {
    return (await this.pool.query(text, params)).rows;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * The read models' questions, straight to pg: each is one SQL statement, so TypeORM's query
 * runner (a runner object, events and timing around every statement) cost time on every request
 * and gave nothing.
 */
@Injectable()
export class ReadModelQueries extends QueryPool {
  constructor(@Inject(DATABASE_URL) databaseUrl: string) {
    super(databaseUrl, 8, 'ledger-queries');
  }
}

/**
 * A small pool of its own for questions about a past date, which read the whole change history
 * and can take seconds on a long log: two at a time at most, queued here, so they never take the
 * connections that the current figures, the board and the partner lists need.
 */
@Injectable()
export class HistoryQueries extends QueryPool {
  constructor(@Inject(DATABASE_URL) databaseUrl: string) {
    super(databaseUrl, 2, 'ledger-history-queries');
  }
}
