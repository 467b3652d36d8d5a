import { Pool } from 'pg';
import {
  EventStore,
  RESILIENT_POOL_OPTIONS,
  Subscription,
  withPoolClient,
} from '@ledger/event-store';
import { BatchApplier } from './batch-applier';
import { CheckpointMovedError } from './checkpoint-fence';
import { Projection } from './projection';
import { ProjectorLease } from './projector-lease';
import { LIVE_READ_MODEL_SCHEMA } from '../read-model-schema';
import { restoreQueryIndexes } from './bulk-indexes';

export interface ProjectorLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface ProjectionRunnerOptions {
  connectionString: string;
  store: EventStore;
  projections: Projection[];
  logger: ProjectorLogger;
  batchSize?: number;
  /** How often a projector without the lease tries to take it. */
  leaseRetryMs?: number;
}

/**
 * The live projector: takes the lease, subscribes to the event store from the lowest checkpoint,
 * and applies each batch with its checkpoints in one transaction. On any failure (including a
 * rebuild resetting a checkpoint) it starts again from the checkpoints as stored.
 */
export class ProjectionRunner {
  private readonly pool: Pool;
  private readonly applier: BatchApplier;
  private readonly lease: ProjectorLease;
  private subscription: Subscription | null = null;
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private resetWatch: NodeJS.Timeout | null = null;
  private checkpoints = new Map<string, number>();
  private restarting: Promise<void> | null = null;
  /** Why this projector is not applying events now, if it should be (for /health). */
  private trouble: string | null = null;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.pool = new Pool({
      connectionString: options.connectionString,
      max: 2,
      application_name: 'ledger-projector',
      ...RESILIENT_POOL_OPTIONS,
    });
    this.pool.on('error', (error) => options.logger.warn(`projector connection: ${error.message}`));
    this.applier = new BatchApplier(options.projections);
    this.lease = new ProjectorLease(options.connectionString, (error) => {
      this.trouble = `lost its lease: ${error.message}`;
      options.logger.warn(`projector lease lost (${error.message}); waiting to take it again`);
      void this.restart();
    });
  }

  get isActive(): boolean {
    return this.lease.held && this.subscription !== null;
  }

  /**
   * What /health says of this projector: applying, standing by (another process holds the
   * lease), or stopped by a failure it keeps retrying — the database away, mostly — and which.
   */
  get state(): { active: boolean; trouble: string | null } {
    return { active: this.isActive, trouble: this.isActive ? null : this.trouble };
  }

  start(): void {
    this.running = true;
    void this.tryToLead();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    if (this.resetWatch) clearInterval(this.resetWatch);
    await this.restarting;
    await this.subscription?.stop();
    this.subscription = null;
    await this.lease.release();
    await this.pool.end();
  }

  private async tryToLead(): Promise<void> {
    if (!this.running) return;
    try {
      if (await this.lease.tryAcquire()) {
        await this.subscribe();
        return;
      }
      this.trouble = null; // standing by: another projector holds the lease
    } catch (error) {
      this.trouble = `could not start: ${(error as Error).message}`;
      this.options.logger.warn(`projector could not start: ${(error as Error).message}`);
    }
    // Another projector is active (or the database is unreachable): try again later.
    this.timer = setTimeout(() => void this.tryToLead(), this.options.leaseRetryMs ?? 2000);
    this.timer.unref();
  }

  private async subscribe(): Promise<void> {
    await withPoolClient(this.pool, async (client) => {
      this.checkpoints = await this.applier.ensureCheckpoints(client);
      // A rebuild that died half-way left query indexes set aside: make them now.
      await restoreQueryIndexes(client, LIVE_READ_MODEL_SCHEMA);
    });
    this.watchForResets();
    this.trouble = null;
    const from = Math.min(...this.checkpoints.values());
    this.options.logger.log(`projector active from position ${from}`);
    this.subscription = this.options.store.subscribe(
      from,
      async (events) => {
        // The lease's session is gone (the server died, the network dropped): another projector
        // may be active by now, so apply nothing more until the lease is taken again.
        if (!this.lease.held) throw new Error('the projector lease was lost');
        this.checkpoints = await withPoolClient(this.pool, (client) =>
          this.applier.apply(client, events, this.checkpoints),
        );
      },
      {
        batchSize: this.options.batchSize ?? 1000,
        onError: (error) => {
          if (error instanceof CheckpointMovedError) {
            this.options.logger.log(`${error.message}; starting again from the stored checkpoints`);
          } else {
            this.trouble = `stopped on an error: ${error.message}`;
            this.options.logger.error(
              `projector stopped on an error: ${error.message}; starting again`,
            );
          }
          void this.restart();
        },
      },
    );
  }

  /**
   * A rebuild sets checkpoints back while this projector runs. A batch would notice (its fence
   * fails), but on a quiet log no batch comes: so look once a second whether a stored checkpoint
   * is behind the one in memory, and start again from the stored ones if so.
   */
  private watchForResets(): void {
    if (this.resetWatch) return;
    this.resetWatch = setInterval(() => {
      if (!this.subscription || this.restarting) return;
      // Compared with the checkpoints as they were when the query was sent: a batch that
      // commits while it runs moves the ones in memory past what the query saw, which is no reset.
      const before = new Map(this.checkpoints);
      this.pool
        .query<{ projection: string; position: string }>(
          `SELECT projection, position FROM ${LIVE_READ_MODEL_SCHEMA}.projection_checkpoint WHERE projection = ANY($1)`,
          [[...before.keys()]],
        )
        .then(({ rows }) => {
          const reset = rows.find(
            (row) => Number(row.position) < (before.get(row.projection) ?? 0),
          );
          if (reset && this.subscription) {
            this.options.logger.log(
              `projection ${reset.projection} was reset to ${reset.position}; starting again from the stored checkpoints`,
            );
            void this.restart();
          }
        })
        .catch(() => undefined);
    }, 1000);
    this.resetWatch.unref();
  }

  private restart(): Promise<void> {
    if (this.restarting || !this.running) return this.restarting ?? Promise.resolve();
    this.restarting = (async () => {
      await this.subscription?.stop().catch(() => undefined);
      this.subscription = null;
      await new Promise((resolve) => setTimeout(resolve, 500));
      this.restarting = null;
      if (this.lease.held) {
        await this.subscribe().catch((error: Error) => {
          this.trouble = `could not resubscribe: ${error.message}`;
          this.options.logger.error(`projector could not resubscribe: ${error.message}`);
          void this.restart();
        });
      } else {
        await this.tryToLead();
      }
    })();
    return this.restarting;
  }
}
