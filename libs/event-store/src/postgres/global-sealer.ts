import { Pool } from 'pg';
import { withPoolClient } from './pool-resilience';

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
  /** The running loop of seal rounds, if any. */
  private rounds: Promise<void> | null = null;
  /** Callers waiting for a round that starts after they asked. */
  private waiting: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private lastRun = 0;

  constructor(
    private readonly pool: Pool,
    private readonly batchSize = 5000,
    /**
     * Least time between two seal rounds while appends keep coming: under load a round every few
     * milliseconds seals in batches, instead of one small transaction per append competing with
     * the appends themselves. Adds at most this much to the time before an event is readable.
     */
    private readonly minIntervalMs = 5,
  ) {}

  /**
   * Resolves when a seal round that started after this call has sealed everything that could be
   * sealed. Calls during a round share the next one, so a burst of appends costs a few seal
   * transactions, not one each; and a caller never waits longer than about two rounds, however
   * long the appends keep coming (waiting for a quiet moment would stall a reader under load).
   */
  request(): Promise<void> {
    const done = new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }));
    this.rounds ??= this.runRounds();
    return done;
  }

  private async runRounds(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const round = this.waiting;
        this.waiting = [];
        const wait = this.lastRun + this.minIntervalMs - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        this.lastRun = Date.now();
        try {
          while ((await this.sealBatch()) === this.batchSize) {
            // a full batch: there may be more
          }
          round.forEach((caller) => caller.resolve());
        } catch (error) {
          round.forEach((caller) => caller.reject(error));
        }
      }
    } finally {
      this.rounds = null;
    }
  }

  private sealBatch(): Promise<number> {
    return withPoolClient(this.pool, async (client) => {
      // One round trip: a simple-protocol query may hold several statements. A failure leaves
      // the transaction aborted; the client then goes back broken and is discarded, not reused.
      const results = (await client.query(
        `BEGIN; SET LOCAL synchronous_commit = off; SELECT event_store.seal(${this.batchSize}) AS seal; COMMIT;`,
      )) as unknown as Array<{ rows: Array<{ seal: number }> }>;
      return results[2].rows[0].seal;
    });
  }
}
