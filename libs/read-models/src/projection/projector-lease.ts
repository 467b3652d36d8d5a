import { Client } from 'pg';

/** "LEDGERPJ": the advisory-lock key that one active projector holds. */
const PROJECTOR_LOCK = '5494875473214614602';

/**
 * Only one projector applies events at a time, across processes and machines: the one holding a
 * session-level advisory lock on its own connection. If that process dies, PostgreSQL ends its
 * session and the lock passes to a waiting projector. (The checkpoint fence in BatchApplier
 * guards the same rule a second time.)
 */
export class ProjectorLease {
  private client: Client | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly onLost: (error: Error) => void,
  ) {}

  get held(): boolean {
    return this.client !== null;
  }

  /**
   * Tries once; true when this process now holds the lease. The lease lives as long as its
   * connection: when the server dies or the network drops, `onLost` is called once and `held`
   * turns false, and the caller must stop applying and try to take it again (the session, and
   * so the lock, is gone; another projector may hold it by now).
   */
  async tryAcquire(): Promise<boolean> {
    if (this.client) return true;
    const client = new Client({
      connectionString: this.connectionString,
      application_name: 'ledger-projector-lease',
      connectionTimeoutMillis: 10_000,
      // A peer that vanished without closing is noticed by TCP keepalive, not only at the next query.
      keepAlive: true,
    });
    const lost = (error: Error) => {
      if (this.client !== client) return;
      this.client = null;
      void client.end().catch(() => undefined);
      this.onLost(error);
    };
    // Always listening: an error with no listener would end the process.
    client.on('error', lost);
    client.on('end', () => lost(new Error('the lease connection ended')));
    try {
      await client.connect();
      const result = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1) AS locked',
        [PROJECTOR_LOCK],
      );
      if (result.rows[0].locked) {
        this.client = client;
        return true;
      }
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    await client.end();
    return false;
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client) {
      await client.query('SELECT pg_advisory_unlock($1)', [PROJECTOR_LOCK]).catch(() => undefined);
      await client.end().catch(() => undefined);
    }
  }
}
