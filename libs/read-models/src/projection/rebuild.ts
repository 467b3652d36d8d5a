import { Pool, PoolClient } from 'pg';
import { EventStore, RESILIENT_POOL_OPTIONS, withPoolClient } from '@ledger/event-store';
import { BatchApplier } from './batch-applier';
import { Projection } from './projection';
import { ProjectorLease } from './projector-lease';
import { analyzeTables, restoreQueryIndexes, setAsideQueryIndexes } from './bulk-indexes';
import { assertSchemaName, LIVE_READ_MODEL_SCHEMA } from '../read-model-schema';

export interface RebuildProgress {
  position: number;
  head: number;
  /** Set while the query indexes are made again (and the tables analysed) after the replay. */
  indexing?: boolean;
}

/**
 * Empties the projections' tables and sets their checkpoints back to 0, in one transaction.
 * A live projector notices (its checkpoint fence fails) and replays them from the start.
 */
export async function resetProjections(
  pool: Pool,
  projections: Projection[],
  schema = LIVE_READ_MODEL_SCHEMA,
): Promise<void> {
  assertSchemaName(schema);
  await withPoolClient(pool, async (client) => {
    await client.query('BEGIN');
    const tables = projections.flatMap((p) => p.tables.map((table) => `${schema}.${table}`));
    if (tables.length) await client.query(`TRUNCATE ${tables.join(', ')}`);
    await client.query(
      `UPDATE ${schema}.projection_checkpoint SET position = 0, updated_at = now() WHERE projection = ANY($1)`,
      [projections.map((p) => p.name)],
    );
    // On a failure the client goes back broken and is discarded: its session, and the
    // transaction with it, ends.
    await client.query('COMMIT');
  });
}

/**
 * Reads the log from the lowest checkpoint to its head in large batches and applies them, as the
 * live projector would. Used by `cli rebuild` when no projector is running, and by replays.
 */
export async function catchUp(
  store: EventStore,
  pool: Pool,
  projections: Projection[],
  onProgress: (progress: RebuildProgress) => void = () => undefined,
  options: { batchSize?: number; schema?: string; untilPosition?: number } = {},
): Promise<number> {
  const applier = new BatchApplier(projections, options.schema);
  const batchSize = options.batchSize ?? 5000;
  return withPoolClient(pool, (client) =>
    catchUpOn(client, applier, store, batchSize, onProgress, options.untilPosition),
  );
}

async function catchUpOn(
  client: PoolClient,
  applier: BatchApplier,
  store: EventStore,
  batchSize: number,
  onProgress: (progress: RebuildProgress) => void,
  untilPosition: number | undefined,
): Promise<number> {
  // Settled, not thrown, until awaited: a read or write that fails while this loop waits on the
  // other is reported where it is awaited, not as an unhandled rejection.
  const quiet = <T>(promise: Promise<T>): Promise<T> => {
    promise.catch(() => undefined);
    return promise;
  };
  let writing: Promise<unknown> | null = null;
  try {
    const checkpoints = await applier.ensureCheckpoints(client);
    const head = untilPosition ?? (await store.headPosition());
    let position = Math.min(...checkpoints.values());
    onProgress({ position, head });
    // Three batches in flight: the one being written, the next one prepared meanwhile (Node works
    // out its rows while PostgreSQL writes the previous batch), and the one after that being read.
    let next = position < head ? quiet(store.readAll(position, batchSize)) : null;
    let expected = checkpoints;
    while (next) {
      const events = (await next).filter((e) => e.globalPosition! <= head);
      if (events.length === 0) break;
      const last = events[events.length - 1].globalPosition!;
      next = last < head ? quiet(store.readAll(last, batchSize)) : null;
      const batch = await applier.prepare(events, expected);
      expected = batch.checkpointsAfter;
      await writing;
      writing = quiet(
        applier.write(client, batch).then(() => {
          position = last;
          onProgress({ position, head });
        }),
      );
    }
    await writing;
    return position;
  } finally {
    // A write still running when a read failed must end before its connection is given back.
    await writing?.catch(() => undefined);
  }
}

/** Events per transaction in a rebuild: larger batches spread each statement's fixed cost. */
const REBUILD_BATCH = 20_000;

/**
 * Rebuilds the projections. Holding the lease (no projector running), it replays here and
 * reports progress; otherwise it resets them and the running projector replays, while this
 * reports that projector's progress from the checkpoints.
 */
export async function rebuildProjections(
  connectionString: string,
  store: EventStore,
  projections: Projection[],
  onProgress: (progress: RebuildProgress & { by: 'here' | 'running projector' }) => void,
): Promise<void> {
  const pool = new Pool({ connectionString, max: 2, ...RESILIENT_POOL_OPTIONS });
  // An idle connection whose server dies must not end the process with an unhandled 'error'.
  pool.on('error', () => undefined);
  const lease = new ProjectorLease(connectionString, () => undefined);
  try {
    await resetProjections(pool, projections);
    if (await lease.tryAcquire()) {
      // Into empty tables: the query indexes are made once at the end (see bulk-indexes.ts).
      await withPoolClient(pool, async (client) => {
        await setAsideQueryIndexes(client, LIVE_READ_MODEL_SCHEMA, projections, { remember: true });
        const position = await catchUp(
          store,
          pool,
          projections,
          (p) => onProgress({ ...p, by: 'here' }),
          { batchSize: REBUILD_BATCH },
        );
        onProgress({ position, head: position, indexing: true, by: 'here' });
        // The indexes and the statistics at once, on two connections: each is a job for one core,
        // and Node has nothing left to do. They only wait for each other on the table whose
        // index is being built (its lock), one table at a time, so they cannot deadlock.
        await withPoolClient(pool, (second) =>
          Promise.all([
            restoreQueryIndexes(client, LIVE_READ_MODEL_SCHEMA),
            analyzeTables(second, LIVE_READ_MODEL_SCHEMA, projections),
          ]),
        );
      });
      return;
    }
    const head = await store.headPosition();
    for (;;) {
      const result = await pool.query<{ position: string }>(
        `SELECT min(position) AS position FROM read_models.projection_checkpoint WHERE projection = ANY($1)`,
        [projections.map((p) => p.name)],
      );
      const position = Number(result.rows[0].position);
      onProgress({ position, head, by: 'running projector' });
      if (position >= head) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await lease.release();
    await pool.end();
  }
}
