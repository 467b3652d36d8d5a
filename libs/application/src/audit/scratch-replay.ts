import { randomBytes } from 'node:crypto';
import { escapeLiteral, Pool, PoolClient } from 'pg';
import { EventStore, RecordedEvent, withPoolClient } from '@ledger/event-store';
import {
  assertSchemaName,
  LIVE_READ_MODEL_SCHEMA,
  Projection,
  CopyColumns,
  copyRows,
  eventsFor,
  setAsideQueryIndexes,
  Sql,
} from '@ledger/read-models';

// node-postgres turns each parameter into text this way before sending it; the deferred
// statements below inline exactly that text, so PostgreSQL sees the same values.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareValue } = require('pg/lib/utils') as { prepareValue: (value: unknown) => unknown };

export const SCRATCH_PREFIX = 'audit_scratch_';

/** Every table the projections own, plus their checkpoints. */
export function projectionTables(projections: Projection[]): string[] {
  return [...new Set(projections.flatMap((p) => p.tables)), 'projection_checkpoint'];
}

/**
 * A throwaway schema with the same tables (columns, keys) as the live read models, for a replay
 * that must not touch them. Always drop it with dropScratchSchema. The indexes only queries use
 * are left out (see setAsideQueryIndexes): a replay writes several times faster without them, and
 * the comparisons and reports read a scratch schema once, by key or whole.
 */
export async function createScratchSchema(pool: Pool, projections: Projection[]): Promise<string> {
  const schema = assertSchemaName(`${SCRATCH_PREFIX}${randomBytes(6).toString('hex')}`);
  return withPoolClient(pool, async (client) => {
    await client.query('BEGIN');
    await client.query(`CREATE SCHEMA ${schema}`);
    for (const table of projectionTables(projections)) {
      await client.query(
        `CREATE TABLE ${schema}.${assertSchemaName(table)} (LIKE ${LIVE_READ_MODEL_SCHEMA}.${table} INCLUDING ALL)`,
      );
    }
    await client.query('COMMIT');
    await setAsideQueryIndexes(client, schema, projections, { remember: false });
    return schema;
    // On a failure the client goes back broken and is discarded, its transaction with it.
  });
}

export async function dropScratchSchema(pool: Pool, schema: string): Promise<void> {
  if (!assertSchemaName(schema).startsWith(SCRATCH_PREFIX)) {
    throw new Error(`refusing to drop ${schema}: not a scratch schema`);
  }
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}

/** Creates a scratch schema, runs the work, and drops the schema whatever happens. */
export async function withScratchSchema<T>(
  pool: Pool,
  projections: Projection[],
  work: (schema: string) => Promise<T>,
): Promise<T> {
  const schema = await createScratchSchema(pool, projections);
  try {
    return await work(schema);
  } finally {
    await dropScratchSchema(pool, schema).catch(() => undefined);
  }
}

export interface ReplayOptions {
  /** Apply events up to this global position, for every projection or per projection name. */
  until: number | ReadonlyMap<string, number>;
  /** Where each projection already stands in the scratch schema (a replay can be continued). */
  from?: ReadonlyMap<string, number>;
  /** Only these events are applied (e.g. recorded by a date); the others are passed over. */
  include?: (event: RecordedEvent) => boolean;
  batchSize?: number;
  onProgress?: (position: number, head: number) => void;
}

export interface ReplayResult {
  /** Where each projection stands now. */
  positions: Map<string, number>;
  eventsRead: number;
  eventsApplied: number;
}

/** The replay failed while applying one event: names it. */
export class ReplayFailedError extends Error {
  constructor(
    readonly projection: string,
    readonly event: RecordedEvent | null,
    cause: Error,
    batch: RecordedEvent[] = [],
  ) {
    super(
      event
        ? `replaying ${event.type} ${event.streamId}@${event.streamVersion} (global position ${event.globalPosition}) into ${projection} failed: ${cause.message}`
        : `replaying global positions ${batch[0]?.globalPosition ?? '?'} to ${batch[batch.length - 1]?.globalPosition ?? '?'} into ${projection} failed: ${cause.message}`,
    );
    this.name = 'ReplayFailedError';
  }
}

/**
 * Replays the log into a scratch schema with the ledger's own projections, one transaction per
 * batch, reading the next batch while the current one is applied.
 *
 * Speed: projections issue one statement per row. Statements whose result nobody reads (INSERT,
 * UPDATE, DELETE without RETURNING: their result is always no rows) are held back and sent
 * together as one multi-statement query, in order, before any statement whose result is read and
 * at the end of the batch. PostgreSQL runs the same statements in the same order in the same
 * transaction, with the same parameter text inlined as literals (escaped by node-postgres).
 */
export async function replayInto(
  store: EventStore,
  pool: Pool,
  projections: Projection[],
  schema: string,
  options: ReplayOptions,
): Promise<ReplayResult> {
  assertSchemaName(schema);
  if (schema === LIVE_READ_MODEL_SCHEMA)
    throw new Error('a replay never writes the live read models');
  const target = (name: string) =>
    typeof options.until === 'number' ? options.until : (options.until.get(name) ?? 0);
  const positions = new Map(projections.map((p) => [p.name, options.from?.get(p.name) ?? 0]));
  const head = Math.max(0, ...projections.map((p) => target(p.name)));
  let position = Math.min(...positions.values());
  const batchSize = options.batchSize ?? 5000;
  const include = options.include ?? (() => true);
  let eventsRead = 0;
  let eventsApplied = 0;
  options.onProgress?.(position, head);
  if (position >= head) return { positions, eventsRead, eventsApplied };
  // Settled, not thrown, until awaited: a read that fails while a batch is applied (the database
  // went away) is reported where it is awaited, not as an unhandled rejection ending the process.
  const quiet = <T>(promise: Promise<T>): Promise<T> => {
    promise.catch(() => undefined);
    return promise;
  };
  return withPoolClient(pool, async (client) => {
    let next = quiet(store.readAll(position, batchSize));
    while (position < head) {
      const events = (await next).filter(
        (e) => e.globalPosition !== null && e.globalPosition <= head,
      );
      if (events.length === 0) break;
      const last = events[events.length - 1].globalPosition!;
      if (last < head) next = quiet(store.readAll(last, batchSize));
      eventsRead += events.length;
      eventsApplied += await applyBatch(
        client,
        schema,
        projections,
        events,
        positions,
        target,
        include,
      );
      position = last;
      options.onProgress?.(position, head);
    }
    return { positions, eventsRead, eventsApplied };
  });
}

async function applyBatch(
  client: PoolClient,
  schema: string,
  projections: Projection[],
  events: RecordedEvent[],
  positions: Map<string, number>,
  target: (name: string) => number,
  include: (event: RecordedEvent) => boolean,
): Promise<number> {
  const deferred = new DeferredStatements(client);
  let applied = 0;
  const moved = new Map<string, number>();
  await client.query('BEGIN');
  try {
    await client.query(`SET LOCAL search_path TO ${schema}, public`);
    for (const projection of projections) {
      const from = positions.get(projection.name)!;
      const to = target(projection.name);
      if (from >= to) continue;
      const mine = eventsFor(
        projection,
        events,
        (e) => e.globalPosition! > from && e.globalPosition! <= to && include(e),
      );
      // As BatchApplier does: a projection that applies a batch set-wise gets the batch.
      if (projection.prepareBatch && mine.length) {
        try {
          const write = await projection.prepareBatch(mine);
          await write(deferred.sql);
        } catch (error) {
          throw new ReplayFailedError(projection.name, null, error as Error, mine);
        }
        applied += mine.length;
      } else {
        for (const event of mine) {
          try {
            await projection.apply(event, deferred.sql);
            await deferred.flushIfFull();
          } catch (error) {
            throw new ReplayFailedError(projection.name, event, error as Error);
          }
          applied += 1;
        }
      }
      try {
        await deferred.flush();
      } catch (error) {
        throw new ReplayFailedError(projection.name, null, error as Error, mine);
      }
      const now = Math.min(to, events[events.length - 1].globalPosition!);
      moved.set(projection.name, now);
      await client.query(
        `INSERT INTO ${schema}.projection_checkpoint (projection, position) VALUES ($1, $2)
         ON CONFLICT (projection) DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
        [projection.name, now],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  moved.forEach((value, key) => positions.set(key, value));
  return applied;
}

const RESULT_UNUSED = /^\s*(INSERT|UPDATE|DELETE)\b/i;
const MAX_DEFERRED = 2000;

/** Holds back statements whose result is never read and sends them together; see replayInto. */
class DeferredStatements {
  private pending: string[] = [];

  constructor(private readonly client: PoolClient) {}

  readonly sql: Sql = Object.assign(
    async (text: string, params: unknown[] = []) => {
      if (RESULT_UNUSED.test(text) && !/\bRETURNING\b/i.test(text)) {
        this.pending.push(inlineParameters(text, params));
        return [];
      }
      await this.flush();
      return (await this.client.query(text, params)).rows;
    },
    {
      copy: async (table: string, columns: CopyColumns, rows: ReadonlyArray<object>) => {
        await this.flush();
        await copyRows(this.client, table, columns, rows);
      },
    },
  );

  async flushIfFull(): Promise<void> {
    if (this.pending.length >= MAX_DEFERRED) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const text = this.pending.join(';\n');
    this.pending = [];
    await this.client.query(text);
  }
}

/** $n replaced by the literal node-postgres would have sent as parameter n (text, or NULL). */
export function inlineParameters(text: string, params: unknown[]): string {
  return text.replace(/\$(\d+)/g, (_match, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= params.length)
      throw new Error(`statement uses $${n} without a value`);
    const value = prepareValue(params[index]);
    if (value === null || value === undefined) return 'NULL';
    return escapeLiteral(Buffer.isBuffer(value) ? `\\x${value.toString('hex')}` : String(value));
  });
}
