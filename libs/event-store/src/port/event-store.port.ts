import {
  AppendContext,
  AppendResult,
  ExpectedVersion,
  NewEvent,
  RecordedEvent,
} from './event-envelope';
import { ChainVerdict, SignedDigest } from '../hash-chain/chain-verdict';

export type ReadDirection = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** First stream version to return (inclusive). Defaults to the start (or the end backwards). */
  from?: number;
  direction?: ReadDirection;
  limit?: number;
}

/** Handles one batch of events in global order; the next batch comes when it resolves. */
export type BatchHandler = (events: RecordedEvent[]) => Promise<void>;

export interface SubscribeOptions {
  batchSize?: number;
  /** Called once the subscription has read everything there was and goes on live. */
  onCaughtUp?: () => void;
  /** Called when the subscription stops because of an error in the handler or the store. */
  onError?: (error: Error) => void;
}

export interface Subscription {
  /** Stops after the batch in hand; resolves when stopped. */
  stop(): Promise<void>;
  /** Resolves once the subscription is live (has read all events that existed when it started). */
  readonly caughtUp: Promise<void>;
}

/**
 * The one source of truth: an append-only log of streams of events, in one global order, covered
 * by a hash chain. Adapters: PostgreSQL (the default) and EventStoreDB. Both pass the same
 * contract suite (testing/event-store.contract.ts).
 */
export interface EventStore {
  /**
   * Appends the events to the stream atomically, if the stream is at the expected version.
   * @throws ConcurrencyError when it is not (nothing is appended)
   * @throws InvalidAppendError / UnknownEventTypeError for bad input (nothing is appended)
   */
  append(
    streamId: string,
    events: NewEvent[],
    expectedVersion: ExpectedVersion,
    context: AppendContext,
  ): Promise<AppendResult>;

  /** The stream's events, upcast to their current schema. Empty for a stream that does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** Events after the given global position, in strict global order. Never skips a late commit. */
  readAll(afterPosition: number, limit: number): Promise<RecordedEvent[]>;

  /** Catch-up subscription from a checkpoint (the last position handled), then live. */
  subscribe(afterPosition: number, handler: BatchHandler, options?: SubscribeOptions): Subscription;

  /** The global position of the last event in the global order (0 for an empty log). */
  headPosition(): Promise<number>;

  /** Recomputes every hash chain and version sequence; names the first fault. */
  verify(): Promise<ChainVerdict>;

  /** A digest of the log signed with the configured Ed25519 key, to hand to an auditor. */
  signedDigest(): Promise<SignedDigest>;

  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
