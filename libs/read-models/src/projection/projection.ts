import { RecordedEvent } from '@ledger/event-store';

/** Runs one SQL statement inside the batch's transaction. */
export type Sql = (text: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

/**
 * Turns events into rows of its own tables. The runner calls apply() inside the transaction
 * that also moves the projection's checkpoint, so each event is applied exactly once.
 */
export interface Projection {
  /** Stable name: the key of its checkpoint. */
  readonly name: string;
  /** The tables it owns (unqualified: the schema is chosen per batch); a rebuild empties exactly these. */
  readonly tables: readonly string[];
  /**
   * Indexes (other than keys) that apply() itself reads: a bulk replay keeps them while it drops
   * the indexes only queries use (see bulk-indexes.ts).
   */
  readonly indexesReadWhileApplying?: readonly string[];
  /** The event types it reads; others pass by without cost. */
  readonly eventTypes: ReadonlySet<string>;
  apply(event: RecordedEvent, sql: Sql): Promise<void>;
  /**
   * Optional: applies a batch of this projection's events at once (in log order), for
   * projections whose volume makes one statement per event too slow.
   */
  applyBatch?(events: RecordedEvent[], sql: Sql): Promise<void>;
}

/** Data of an event whose type the projection has already checked. */
export function dataOf<T>(event: RecordedEvent): T {
  return event.data as T;
}
