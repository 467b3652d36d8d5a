import { ClientBase } from 'pg';
import { RecordedEvent } from '@ledger/event-store';
import { CopyColumns, copyRows } from './copy-rows';

/** Runs SQL inside the batch's transaction. */
export interface Sql {
  /** One statement; its rows. */
  (text: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
  /** Many rows into one table at once (COPY): for the bulk of a batch. */
  copy(table: string, columns: CopyColumns, rows: ReadonlyArray<object>): Promise<void>;
}

/** Sql on one client (in whatever transaction the caller opened). */
export function sqlOn(client: ClientBase): Sql {
  return Object.assign(
    async (text: string, params?: unknown[]) => (await client.query(text, params)).rows,
    {
      copy: (table: string, columns: CopyColumns, rows: ReadonlyArray<object>) =>
        copyRows(client, table, columns, rows),
    },
  );
}

/**
 * Turns events into rows of its own tables. The runner calls apply() inside the transaction
 * that also moves the projection's checkpoint, so each event is applied exactly once.
 */
export interface Projection {
  /** Stable name: the key of its checkpoint. */
  readonly name: string;
  /** The tables it owns (unqualified: the schema is chosen per batch); a rebuild empties exactly these. */
  readonly tables: readonly string[];
  /** The event types it reads; others pass by without cost. */
  readonly eventTypes: ReadonlySet<string>;
  apply(event: RecordedEvent, sql: Sql): Promise<void>;
  /**
   * Optional: a batch of this projection's events at once (in log order), for projections whose
   * volume makes one statement per event too slow. In two steps: this call does the part that
   * needs no database (from the batch's events alone) and returns the rest, which the runner
   * calls inside the batch's transaction. A rebuild prepares the next batch while the database
   * is still writing the one before, so what this call computes must not depend on that batch's
   * rows: anything read from the database belongs in the returned step. It is asynchronous only
   * so that a long preparation can pause for I/O (the previous batch's write) now and then.
   */
  prepareBatch?(events: RecordedEvent[]): Promise<PreparedWrite>;
}

/**
 * A batch's remaining work, run once inside its transaction (after every earlier batch
 * committed). A failed transaction is not retried with it: the batch is prepared again.
 */
export type PreparedWrite = (sql: Sql) => Promise<void>;

/** Data of an event whose type the projection has already checked. */
export function dataOf<T>(event: RecordedEvent): T {
  return event.data as T;
}
