import { createHash } from 'node:crypto';
import { Pool } from 'pg';
import { EventTypeRegistry, RecordedEvent } from '@ledger/event-store';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from '@ledger/event-store/postgres/event-rows';
import { AuditInputError, Moment, parseRange } from './audit-input';

/** Which clock a period filter reads: when the ledger recorded an event, or when it happened. */
export type Clock = 'recordedAt' | 'occurredAt';
export const CLOCKS: readonly Clock[] = ['recordedAt', 'occurredAt'];

export interface EventFilter {
  stream?: string;
  type?: string;
  actor?: string;
  from?: Moment;
  to?: Moment;
  /** The clock `from` and `to` apply to; recordedAt unless said otherwise. */
  clock: Clock;
}

/** The filters as given, for a digest to say what it covers. */
export interface FilterText {
  stream: string | null;
  type: string | null;
  actor: string | null;
  from: string | null;
  to: string | null;
  clock: Clock;
}

export interface RawFilter {
  stream?: string;
  type?: string;
  actor?: string;
  from?: string;
  to?: string;
  clock?: string;
}

export function filterText(filter: EventFilter): FilterText {
  return {
    stream: filter.stream ?? null,
    type: filter.type ?? null,
    actor: filter.actor ?? null,
    from: filter.from?.text ?? null,
    to: filter.to?.text ?? null,
    clock: filter.clock,
  };
}

export interface ExportSummary {
  count: number;
  firstPosition: number | null;
  lastPosition: number | null;
  lastGlobalHash: string | null;
  /** SHA-256 (hex) of the NDJSON exactly as written: one event per line, each line ending in \n. */
  sha256: string;
}

const EXPORT_BATCH = 5000;

/**
 * The event log as stored, for auditors: read straight from event_store.events (PostgreSQL), so
 * events come exactly as they were written, before any upcasting, with every envelope field and
 * both hash links. Sealed events only (those with a global position), except in a stream's history.
 */
export class EventLog {
  constructor(
    private readonly pool: Pool,
    private readonly registry: EventTypeRegistry,
  ) {}

  /** Checks the filters; unknown type → 400, unknown stream → 404, bad or backwards dates → 400. */
  async filter(raw: RawFilter): Promise<EventFilter> {
    const clock = (raw.clock ?? 'recordedAt') as Clock;
    if (!CLOCKS.includes(clock)) {
      throw new AuditInputError(
        'clock',
        `must be recordedAt or occurredAt (got ${JSON.stringify(raw.clock)})`,
      );
    }
    if (raw.type !== undefined && raw.type !== '' && !this.registry.has(raw.type)) {
      throw new AuditInputError(
        'type',
        `${JSON.stringify(raw.type)} is not an event type of the ledger`,
      );
    }
    const { from, to } = parseRange(raw.from, raw.to);
    const stream = raw.stream === '' ? undefined : raw.stream;
    if (stream !== undefined) await this.assertStreamExists(stream);
    return {
      stream,
      type: raw.type || undefined,
      actor: raw.actor || undefined,
      from,
      to,
      clock,
    };
  }

  async assertStreamExists(streamId: string): Promise<void> {
    const found = await this.pool.query(
      'SELECT 1 FROM event_store.events WHERE stream_id = $1 LIMIT 1',
      [streamId],
    );
    if (found.rowCount === 0) {
      throw new AuditInputError(
        'stream',
        `stream ${JSON.stringify(streamId)} is not in the log`,
        404,
      );
    }
  }

  /** One page: after a global position (keyset), or page n (offset). */
  async page(
    filter: EventFilter,
    paging: { after?: number; page?: number; limit: number },
  ): Promise<{ total: number; events: RecordedEvent[]; nextAfter: number | null }> {
    const { where, params } = conditions(filter);
    const [{ total }] = (
      await this.pool.query<{ total: string }>(
        `SELECT count(*) AS total FROM event_store.events WHERE ${where.join(' AND ')}`,
        params,
      )
    ).rows;
    const byPage = paging.page !== undefined;
    const keyset = [...where];
    const pageParams = [...params];
    if (!byPage) {
      pageParams.push(paging.after ?? 0);
      keyset.push(`global_position > $${pageParams.length}`);
    }
    pageParams.push(paging.limit, byPage ? (paging.page! - 1) * paging.limit : 0);
    const rows = (
      await this.pool.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM event_store.events WHERE ${keyset.join(' AND ')}
          ORDER BY global_position LIMIT $${pageParams.length - 1} OFFSET $${pageParams.length}`,
        pageParams,
      )
    ).rows;
    const events = rows.map(toRecordedEvent);
    const last = events[events.length - 1]?.globalPosition ?? null;
    return {
      total: Number(total),
      events,
      nextAfter: events.length === paging.limit ? last : null,
    };
  }

  /** One stream's whole history, every envelope field, sealed or not. 404 when it is not in the log. */
  async stream(streamId: string): Promise<RecordedEvent[]> {
    const rows = (
      await this.pool.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM event_store.events WHERE stream_id = $1 ORDER BY stream_version`,
        [streamId],
      )
    ).rows;
    if (rows.length === 0) {
      throw new AuditInputError('id', `stream ${JSON.stringify(streamId)} is not in the log`, 404);
    }
    return rows.map(toRecordedEvent);
  }

  /**
   * Writes the filtered log as NDJSON (one RecordedEvent per line) up to a global position, in
   * global order; returns what a digest says about it. `write` may return a promise (back-pressure).
   */
  async export(
    filter: EventFilter,
    upToPosition: number,
    write: (chunk: string) => void | Promise<void>,
  ): Promise<ExportSummary> {
    const { where, params } = conditions(filter);
    const hash = createHash('sha256');
    let after = 0;
    let count = 0;
    let first: RecordedEvent | null = null;
    let last: RecordedEvent | null = null;
    for (;;) {
      const rows = (
        await this.pool.query<EventRow>(
          `SELECT ${EVENT_COLUMNS} FROM event_store.events
            WHERE ${where.join(' AND ')} AND global_position > $${params.length + 1} AND global_position <= $${params.length + 2}
            ORDER BY global_position LIMIT ${EXPORT_BATCH}`,
          [...params, after, upToPosition],
        )
      ).rows;
      if (rows.length === 0) break;
      const events = rows.map(toRecordedEvent);
      const chunk = events.map((e) => `${JSON.stringify(e)}\n`).join('');
      hash.update(chunk, 'utf8');
      await write(chunk);
      count += events.length;
      first ??= events[0];
      last = events[events.length - 1];
      after = last.globalPosition!;
      if (rows.length < EXPORT_BATCH) break;
    }
    return {
      count,
      firstPosition: first?.globalPosition ?? null,
      lastPosition: last?.globalPosition ?? null,
      lastGlobalHash: last?.globalHash ?? null,
      sha256: hash.digest('hex'),
    };
  }
}

function conditions(filter: EventFilter): { where: string[]; params: unknown[] } {
  const where = ['global_position IS NOT NULL'];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  const column = filter.clock === 'occurredAt' ? 'occurred_at' : 'recorded_at';
  if (filter.stream) add('stream_id = ?', filter.stream);
  if (filter.type) add('type = ?', filter.type);
  if (filter.actor) add('actor_id = ?', filter.actor);
  if (filter.from) add(`${column} >= ?`, filter.from.start);
  if (filter.to) add(`${column} < ?`, filter.to.before);
  return { where, params };
}
