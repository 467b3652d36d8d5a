import { ClientBase } from 'pg';
import type { DomainEventType } from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store';
import { CopyColumns, copyRows } from './copy-rows';
import { asDomainEvent, RecordedEventOf } from './domain-events';

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
 *
 * T is the event types it reads: its events come typed as the domain's events of those types
 * (narrowed once by the runner, see eventsFor), so its `switch (event.type)` narrows the data
 * and ends in `assertNever(event)`; a type added to the set, or to a domain union the set is
 * made from, fails the build until the projection handles it.
 */
export interface Projection<T extends DomainEventType = DomainEventType> {
  /** Stable name: the key of its checkpoint. */
  readonly name: string;
  /** The tables it owns (unqualified: the schema is chosen per batch); a rebuild empties exactly these. */
  readonly tables: readonly string[];
  /** The event types it reads; others pass by without cost. */
  readonly eventTypes: ReadonlySet<T>;
  apply(event: RecordedEventOf<T>, sql: Sql): Promise<void>;
  /**
   * Optional: a batch of this projection's events at once (in log order), for projections whose
   * volume makes one statement per event too slow. In two steps: this call does the part that
   * needs no database (from the batch's events alone) and returns the rest, which the runner
   * calls inside the batch's transaction. A rebuild prepares the next batch while the database
   * is still writing the one before, so what this call computes must not depend on that batch's
   * rows: anything read from the database belongs in the returned step. It is asynchronous only
   * so that a long preparation can pause for I/O (the previous batch's write) now and then.
   */
  prepareBatch?(events: Array<RecordedEventOf<T>>): Promise<PreparedWrite>;
}

/**
 * A batch's remaining work, run once inside its transaction (after every earlier batch
 * committed). A failed transaction is not retried with it: the batch is prepared again.
 */
export type PreparedWrite = (sql: Sql) => Promise<void>;

/**
 * The events of a batch that a projection reads (its event types, and whatever else `keep`
 * asks), typed as its events: the one boundary between the stored log and a projection.
 */
export function eventsFor<T extends DomainEventType>(
  projection: Projection<T>,
  events: readonly RecordedEvent[],
  keep: (event: RecordedEvent) => boolean,
): Array<RecordedEventOf<T>> {
  const mine: Array<RecordedEventOf<T>> = [];
  for (const event of events) {
    if (keep(event) && (projection.eventTypes as ReadonlySet<string>).has(event.type)) {
      mine.push(asDomainEvent(event, projection.eventTypes));
    }
  }
  return mine;
}
