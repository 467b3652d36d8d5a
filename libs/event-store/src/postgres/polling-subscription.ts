import { RecordedEvent } from '../port/event-envelope';
import { BatchHandler, SubscribeOptions, Subscription } from '../port/event-store.port';

/**
 * A catch-up subscription over readAll: reads batches after its checkpoint until there are no
 * more, then waits for a wake-up (a NOTIFY from the sealer) or, failing that, a poll interval.
 * Because readAll returns sealed events only, and sealed positions are dense and given in order,
 * reading "after the last position handled" can never pass over an event.
 */
export class PollingSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  private resolveCaughtUp!: () => void;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;

  constructor(
    private position: number,
    private readonly handler: BatchHandler,
    private readonly read: (after: number, limit: number) => Promise<RecordedEvent[]>,
    private readonly options: SubscribeOptions,
    private readonly onStopped: () => void,
    private readonly pollIntervalMs = 500,
  ) {
    this.caughtUp = new Promise((resolve) => (this.resolveCaughtUp = resolve));
  }

  start(): void {
    this.loop = this.run();
  }

  wake(): void {
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? 500;
    let caughtUp = false;
    try {
      while (!this.stopped) {
        const batch = await this.read(this.position, batchSize);
        if (this.stopped) break;
        if (batch.length > 0) {
          await this.handler(batch);
          this.position = batch[batch.length - 1].globalPosition ?? this.position;
        }
        if (batch.length < batchSize) {
          if (!caughtUp) {
            caughtUp = true;
            this.resolveCaughtUp();
            this.options.onCaughtUp?.();
          }
          await this.idle();
        }
      }
    } catch (error) {
      this.stopped = true;
      this.options.onError?.(error instanceof Error ? error : new Error(String(error)));
    } finally {
      this.resolveCaughtUp();
      this.onStopped();
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      this.wakeUp = done;
    });
  }
}
