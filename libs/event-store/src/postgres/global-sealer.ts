import { Pool } from 'pg';

export const SEALED_CHANNEL = 'event_store_sealed';

/**
 * Gives committed events their place in the global order and their global hash link, by calling
 * event_store.seal() (see the migration for the gap-safety argument).
 *
 * The seal transaction commits asynchronously (synchronous_commit = off): it holds nothing that
 * cannot be recomputed. If the server crashes before its commit reaches disk, the events are
 * simply unsealed again, and the next seal gives them the same positions and links, because the
 * order of qualifying rows never changes. Every append, by contrast, commits synchronously.
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
      await client.query('SET LOCAL synchronous_commit = off');
      const sealed = await client.query<{ seal: number }>('SELECT event_store.seal($1) AS seal', [
        this.batchSize,
      ]);
      await client.query('COMMIT');
      return sealed.rows[0].seal;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
