import type { AllStreamResolvedEvent, Position, ReadPosition } from '@eventstore/db-client';
import { RecordedEvent } from '../port/event-envelope';
import { BatchHandler, SubscribeOptions, Subscription } from '../port/event-store.port';
import { BackoffOptions, resubscribeDelay } from './resubscribe-backoff';

/** The part of the client's AllStreamSubscription this class uses. */
export interface SubscriptionStream {
  on(event: 'data', listener: (resolved: AllStreamResolvedEvent) => void): unknown;
  on(event: 'caughtUp' | 'confirmation' | 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  pause(): unknown;
  resume(): unknown;
  unsubscribe(): Promise<void>;
  /** Events the stream has taken in but not yet handed to 'data' listeners. */
  readonly readableLength: number;
}

export interface SubscriptionSource {
  /**
   * Opens a catch-up subscription to $all after `from`. When it filters on the server, it calls
   * `onCheckpoint` from the filter's checkpointReached with the position and the subscription.
   */
  open(
    from: ReadPosition,
    onCheckpoint: (position: Position, stream: SubscriptionStream) => void,
  ): SubscriptionStream;
  /** Our events of a batch, decoded and upcast, in order (others left out). */
  decode(batch: AllStreamResolvedEvent[]): Promise<RecordedEvent[]>;
  /** Our head position now; the fallback for servers that send no caughtUp. */
  head(): Promise<number>;
}

export interface ResubscribeOptions extends SubscribeOptions {
  backoff?: BackoffOptions;
  /** Give up (and call onError) after this many failed resubscriptions in a row. */
  maxResubscribeAttempts?: number;
  logger?: { warn(message: string): void };
  random?: () => number;
}

type Marker =
  { kind: 'checkpoint'; position: Position; after: number } | { kind: 'caughtUp'; after: number };

const HIGH_WATER = 4;

/**
 * A catch-up subscription to $all that survives drops. The client does not resubscribe after a
 * dropped subscription (keep-alive timeout, leader change, server restart), so this one does:
 * from the last position it handled (or the last filter checkpoint it has fully handled) with
 * exponential back-off. Events go to the handler in batches, one batch at a time, in order.
 */
export class ResubscribingSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  private resolveCaughtUp!: () => void;
  private isCaughtUp = false;
  /** The global position of the last event handed to the handler. */
  private checkpoint: number;
  /** Where to resubscribe from: the last handled event or a fully handled filter checkpoint. */
  private resume: ReadPosition;
  private readonly batchSize: number;
  private stream: SubscriptionStream | null = null;
  private generation = 0;
  private attempt = 0;
  private queue: AllStreamResolvedEvent[] = [];
  private markers: Marker[] = [];
  private received = 0;
  private handled = 0;
  private paused = false;
  private stopped = false;
  private wake: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly worker: Promise<void>;
  private headTarget: number | null = null;

  constructor(
    private readonly source: SubscriptionSource,
    afterPosition: number,
    private readonly handler: BatchHandler,
    private readonly options: ResubscribeOptions = {},
  ) {
    this.checkpoint = afterPosition;
    this.resume =
      afterPosition > 0
        ? { commit: BigInt(afterPosition), prepare: BigInt(afterPosition) }
        : 'start';
    this.batchSize = Math.max(1, options.batchSize ?? 100);
    this.caughtUp = new Promise<void>((resolve) => (this.resolveCaughtUp = resolve));
    this.source.head().then(
      (head) => {
        this.headTarget = head;
        this.checkCaughtUp();
      },
      () => undefined,
    );
    this.connect();
    this.worker = this.work();
  }

  async stop(): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      this.generation++;
      if (this.timer) clearTimeout(this.timer);
      const stream = this.stream;
      this.stream = null;
      if (stream) await stream.unsubscribe().catch(() => undefined);
      this.signal();
    }
    await this.worker;
  }

  /** Where the next resubscription would start, for tests and diagnostics. */
  resumePosition(): ReadPosition {
    return this.resume;
  }

  private connect(): void {
    if (this.stopped) return;
    const generation = ++this.generation;
    this.queue = [];
    this.markers = [];
    this.received = 0;
    this.handled = 0;
    this.paused = false;
    const current = (): boolean => generation === this.generation && !this.stopped;
    let stream: SubscriptionStream;
    try {
      stream = this.source.open(this.resume, (position, from) => {
        if (current())
          this.markers.push({
            kind: 'checkpoint',
            position,
            after: this.received + from.readableLength,
          });
      });
    } catch (error) {
      this.dropped(generation, error as Error);
      return;
    }
    this.stream = stream;
    stream.on('data', (resolved) => {
      if (!current()) return;
      this.attempt = 0;
      this.received++;
      this.queue.push(resolved);
      if (this.queue.length >= this.batchSize * HIGH_WATER && !this.paused) {
        this.paused = true;
        stream.pause();
      }
      this.signal();
    });
    stream.on('confirmation', () => {
      if (current()) this.attempt = 0;
    });
    stream.on('caughtUp', () => {
      if (!current()) return;
      this.markers.push({ kind: 'caughtUp', after: this.received + stream.readableLength });
      this.signal();
    });
    stream.on('error', (error) => this.dropped(generation, error));
    stream.on('end', () => this.dropped(generation, new Error('the subscription ended')));
    stream.on('close', () => this.dropped(generation, new Error('the subscription closed')));
  }

  private dropped(generation: number, error: Error): void {
    if (generation !== this.generation || this.stopped) return;
    this.generation++; // ignore whatever else the dropped stream emits
    const stream = this.stream;
    this.stream = null;
    stream?.unsubscribe().catch(() => undefined);
    this.attempt++;
    const max = this.options.maxResubscribeAttempts ?? Infinity;
    if (this.attempt > max) {
      this.fail(
        new Error(`subscription dropped and ${max} resubscriptions failed: ${error.message}`),
      );
      return;
    }
    const delay = resubscribeDelay(this.attempt, this.options.backoff, this.options.random);
    this.options.logger?.warn(
      `subscription to $all dropped (${error.message}); resubscribing after position ${this.checkpoint} in ${delay} ms (attempt ${this.attempt})`,
    );
    this.queue = [];
    this.markers = [];
    this.signal();
    this.timer = setTimeout(() => {
      this.timer = null;
      // The worker finishes the batch in hand first, so `resume` is up to date.
      this.whenIdle().then(() => this.connect());
    }, delay);
  }

  private busy: Promise<void> = Promise.resolve();

  private whenIdle(): Promise<void> {
    return this.busy;
  }

  private async work(): Promise<void> {
    while (!this.stopped) {
      if (this.queue.length === 0) {
        this.settleMarkers();
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
        continue;
      }
      const generation = this.generation;
      const taken = this.queue.splice(0, this.batchSize);
      let release!: () => void;
      this.busy = new Promise((resolve) => (release = resolve));
      try {
        const events = (await this.source.decode(taken)).filter(
          (event) => event.globalPosition !== null && event.globalPosition > this.checkpoint,
        );
        if (this.stopped) return;
        if (events.length > 0) await this.handler(events);
        const last = events[events.length - 1];
        if (last) this.checkpoint = last.globalPosition!;
        const lastRaw = taken[taken.length - 1].event?.position;
        if (lastRaw && this.isAhead(lastRaw)) this.resume = lastRaw;
        if (generation === this.generation) {
          this.handled += taken.length;
          this.settleMarkers();
          if (this.paused && this.queue.length < this.batchSize && this.stream) {
            this.paused = false;
            this.stream.resume();
          }
        }
      } catch (error) {
        this.fail(error as Error);
        return;
      } finally {
        release();
      }
    }
  }

  /** Adopts the filter checkpoints and the caughtUp signal once the events before them are handled. */
  private settleMarkers(): void {
    while (this.markers.length > 0 && this.markers[0].after <= this.handled) {
      const marker = this.markers.shift()!;
      if (marker.kind === 'checkpoint') {
        if (this.isAhead(marker.position)) this.resume = marker.position;
      } else {
        this.markCaughtUp();
      }
    }
    this.checkCaughtUp();
  }

  private checkCaughtUp(): void {
    if (this.headTarget !== null && this.checkpoint >= this.headTarget) this.markCaughtUp();
  }

  private markCaughtUp(): void {
    if (this.isCaughtUp) return;
    this.isCaughtUp = true;
    this.resolveCaughtUp();
    this.options.onCaughtUp?.();
  }

  private isAhead(position: Position): boolean {
    if (this.resume === 'start' || this.resume === 'end') return true;
    return (
      position.commit > this.resume.commit ||
      (position.commit === this.resume.commit && position.prepare > this.resume.prepare)
    );
  }

  private fail(error: Error): void {
    if (this.stopped) return;
    this.stopped = true;
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    const stream = this.stream;
    this.stream = null;
    stream?.unsubscribe().catch(() => undefined);
    this.signal();
    this.options.onError?.(error);
  }

  private signal(): void {
    this.wake?.();
  }
}
