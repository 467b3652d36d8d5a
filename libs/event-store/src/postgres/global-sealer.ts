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

  private lastRun = 0;

  constructor(
    private readonly pool: Pool,
    private readonly batchSize = 5000,
    /**
     * Least time between two seal runs while appends keep coming: under load a run every few
     * milliseconds seals in batches, instead of one small transaction per append competing with
     * the appends themselves. Adds at most this much to the time before an event is readable.
     */
    private readonly minIntervalMs = 5,
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
          const wait = this.lastRun + this.minIntervalMs - Date.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          this.lastRun = Date.now();
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
      // One round trip: a simple-protocol query may hold several statements.
      const results = (await client.query(
        `BEGIN; SET LOCAL synchronous_commit = off; SELECT event_store.seal(${this.batchSize}) AS seal; COMMIT;`,
      )) as unknown as Array<{ rows: Array<{ seal: number }> }>;
      return results[2].rows[0].seal;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
