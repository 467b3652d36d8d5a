import { Pool } from 'pg';
import { globalLink } from '../hash-chain/chain-links';

/** Advisory-lock key of the one sealer (any process), "LEDGERSE" as a 64-bit integer. */
const SEALER_LOCK = '5494875473214612293';
export const SEALED_CHANNEL = 'event_store_sealed';

/**
 * Gives committed events their place in the global order and their global hash link.
 *
 * Only rows whose writing transaction is older than every transaction still running are taken
 * (transaction_id < pg_snapshot_xmin(pg_current_snapshot()), read in the same statement), ordered
 * by (transaction, write order). A slow writer therefore holds sealing back until it commits or
 * rolls back: it is waited for, never skipped, and no timer ever gives up on it. One sealer at a
 * time (an advisory lock) numbers the rows densely, so a reader of the global order that has seen
 * position n has seen everything before n.
 */
export class GlobalSealer {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly pool: Pool,
    private readonly batchSize = 5000,
  ) {}

  /**
   * Seals everything that can be sealed now. Calls while a run is going coalesce into one more
   * run after it, so a burst of appends costs a few seal transactions, not one each.
   */
  request(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          while ((await this.sealBatch()) === this.batchSize) {
            // a full batch: there may be more
          }
        } while (this.again);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async sealBatch(): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [SEALER_LOCK]);
      const pending = await client.query<{ write_id: string; stream_hash: Buffer }>(
        `SELECT write_id, stream_hash FROM event_store.events
          WHERE global_position IS NULL
            AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
          ORDER BY transaction_id, write_id
          LIMIT $1`,
        [this.batchSize],
      );
      if (pending.rowCount === 0) {
        await client.query('COMMIT');
        return 0;
      }
      const head = await client.query<{ position: string; hash: Buffer }>(
        'SELECT position, hash FROM event_store.seal_head',
      );
      let position = Number(head.rows[0].position);
      let hash = head.rows[0].hash;
      const writeIds: string[] = [];
      const positions: number[] = [];
      const hashes: Buffer[] = [];
      for (const row of pending.rows) {
        position += 1;
        hash = globalLink(hash, position, row.stream_hash);
        writeIds.push(row.write_id);
        positions.push(position);
        hashes.push(hash);
      }
      await client.query(
        `UPDATE event_store.events e SET global_position = s.position, global_hash = s.hash
           FROM unnest($1::bigint[], $2::bigint[], $3::bytea[]) AS s(write_id, position, hash)
          WHERE e.write_id = s.write_id`,
        [writeIds, positions, hashes],
      );
      await client.query('UPDATE event_store.seal_head SET position = $1, hash = $2', [
        position,
        hash,
      ]);
      await client.query(`SELECT pg_notify('${SEALED_CHANNEL}', $1)`, [String(position)]);
      await client.query('COMMIT');
      return pending.rowCount ?? 0;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
