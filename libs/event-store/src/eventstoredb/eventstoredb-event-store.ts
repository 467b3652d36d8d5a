import {
  AllStreamResolvedEvent,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  JSONType,
  NO_STREAM,
  START,
  StreamNotFoundError,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
} from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { ChainVerdict, SignedDigest } from '../hash-chain/chain-verdict';
import { GENESIS, streamLink } from '../hash-chain/chain-links';
import {
  AppendContext,
  AppendResult,
  ExpectedVersion,
  NewEvent,
  RecordedEvent,
} from '../port/event-envelope';
import { InvalidAppendError } from '../port/event-store.errors';
import {
  BatchHandler,
  EventStore,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../port/event-store.port';
import { assertStreamId, prepareAppend } from '../port/prepare-append';
import { EventTypeRegistry } from '../registry/event-type-registry';
import { AllReader, classify } from './all-reader';
import { ChainVerifier } from './chain-verifier';
import { CommandJournal, JournalState, firstRevisionOf } from './command-journal';
import { commandEventId } from './deterministic-id';
import { SigningKeyMissingError, signDigest } from '../hash-chain/signed-digest';
import {
  StoredEvent,
  UnreadableEnvelopeError,
  encodeEnvelope,
  storedEventOf,
} from './envelope-metadata';
import { planRevision, toConcurrencyError } from './expected-revision';
import { GlobalChainLedger } from './global-chain-ledger';
import { BackoffOptions } from './resubscribe-backoff';
import {
  ResubscribingSubscription,
  SubscriptionSource,
  SubscriptionStream,
} from './resubscribing-subscription';
import { StreamNaming, assertNotInternal } from './stream-naming';
import { upcastOnRead } from './upcast-on-read';

export interface EventStoreDbLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface EventStoreDbEventStoreOptions {
  /** e.g. esdb://admin:changeit@localhost:2113?tls=false (kurrentdb:// on newer servers). */
  connectionString: string;
  registry: EventTypeRegistry;
  /** Streams of this log are named `${streamPrefix}${streamId}`; readAll and subscribe keep to them. */
  streamPrefix?: string;
  /** Ed25519 private key, PKCS#8 PEM, for signedDigest(). */
  signingKeyPem?: string;
  logger?: EventStoreDbLogger;
  /** Seal the global chain in the background after each append (default true). */
  sealAfterAppend?: boolean;
  /** Back-off of subscriptions that resubscribe after a drop. */
  resubscribeBackoff?: BackoffOptions;
}

/** Rounds of read-plan-append for 'any' and 'stream_exists' when other writers keep moving the stream. */
const MAX_APPEND_ROUNDS = 20;

/**
 * The event store on EventStoreDB (client 6.x). Same port and contract as the PostgreSQL adapter;
 * the design (idempotency journal, global-chain seals, resubscription) is in docs/eventstoredb.md.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly registry: EventTypeRegistry;
  private readonly naming: StreamNaming;
  private readonly reader: AllReader;
  private readonly journal: CommandJournal;
  private readonly chain: GlobalChainLedger;
  private readonly logger: EventStoreDbLogger;
  private readonly subscriptions = new Set<ResubscribingSubscription>();
  private sealing: Promise<void> | null = null;
  private sealAgain = false;
  private closed = false;

  constructor(private readonly options: EventStoreDbEventStoreOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.registry = options.registry;
    this.naming = new StreamNaming(options.streamPrefix ?? '');
    this.reader = new AllReader(this.client, this.naming);
    this.journal = new CommandJournal(this.client, this.naming);
    this.chain = new GlobalChainLedger(this.client, this.naming.globalChainStream());
    this.logger = options.logger ?? new Logger('EventStoreDbEventStore');
  }

  async append(
    streamId: string,
    events: NewEvent[],
    expectedVersion: ExpectedVersion,
    context: AppendContext,
  ): Promise<AppendResult> {
    const prepared = prepareAppend(this.registry, streamId, events, expectedVersion, context);
    assertNotInternal(streamId);
    const stream = this.naming.physical(streamId);
    const { commandId } = context;
    for (let round = 1; ; round++) {
      const journal = await this.journal.load(commandId);
      const earlier = await this.earlierResult(journal, commandId);
      if (earlier) return earlier;

      const tail = await this.readTail(stream);
      const afterRevision = planRevision(streamId, expectedVersion, tail.version);
      const attemptId = randomUUID();
      const attemptRevision = await this.journal.recordAttempt(commandId, journal.revision, {
        attemptId,
        streamId,
        afterRevision: afterRevision === NO_STREAM ? NO_STREAM : afterRevision.toString(),
        count: prepared.length,
      });
      if (attemptRevision === null) {
        // Another attempt of the same command is in flight: look again once it has moved on.
        if (round >= MAX_APPEND_ROUNDS)
          throw new Error(`command ${commandId} is being appended concurrently`);
        await pause(round);
        continue;
      }

      const firstVersion = (tail.version ?? 0) + 1;
      let previous = tail.hash;
      const data = prepared.map((event, index) => {
        const version = firstVersion + index;
        previous = streamLink(previous, version, event.contentHash);
        return jsonEvent({
          id: commandEventId(commandId, index),
          type: event.type,
          data: event.data as JSONType,
          metadata: encodeEnvelope(event, version, previous) as unknown as JSONType,
        });
      });
      try {
        await this.client.appendToStream(stream, data, { expectedRevision: afterRevision });
      } catch (error) {
        const conflict = toConcurrencyError(error, streamId, expectedVersion);
        if (!conflict) throw error;
        // A concurrent attempt of the same command may have landed these very events.
        const landed = await this.landedAt(
          stream,
          commandId,
          afterRevision === NO_STREAM ? 0n : afterRevision + 1n,
        );
        if (landed)
          return {
            streamId,
            firstVersion,
            lastVersion: firstVersion + prepared.length - 1,
            duplicate: true,
          };
        const retry = expectedVersion === 'any' || expectedVersion === 'stream_exists';
        if (retry && round < MAX_APPEND_ROUNDS) continue;
        throw conflict;
      }
      const lastVersion = firstVersion + prepared.length - 1;
      const result = await this.journal.recordCompletion(commandId, attemptRevision, {
        attemptId,
        streamId,
        firstVersion,
        lastVersion,
      });
      this.scheduleSeal();
      return {
        streamId: result.streamId,
        firstVersion: result.firstVersion,
        lastVersion: result.lastVersion,
        duplicate: result.attemptId !== attemptId,
      };
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertStreamId(streamId);
    assertNotInternal(streamId);
    const direction = options.direction ?? 'forwards';
    if (options.from !== undefined && (!Number.isSafeInteger(options.from) || options.from < 1)) {
      throw new InvalidAppendError('from', 'must be a whole number from 1');
    }
    if (
      options.limit !== undefined &&
      (!Number.isSafeInteger(options.limit) || options.limit < 1)
    ) {
      throw new InvalidAppendError('limit', 'must be a whole number from 1');
    }
    const stored: StoredEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(this.naming.physical(streamId), {
        fromRevision:
          options.from !== undefined
            ? BigInt(options.from - 1)
            : direction === 'forwards'
              ? START
              : END,
        direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
        ...(options.limit !== undefined ? { maxCount: options.limit } : {}),
      })) {
        if (!resolved.event) continue;
        try {
          stored.push(storedEventOf(resolved.event, streamId));
        } catch (error) {
          if (!(error instanceof UnreadableEnvelopeError)) throw error;
          this.logger.warn(`skipped ${streamId}@${resolved.event.revision}: ${error.message}`);
        }
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return this.toRecorded(stored);
  }

  async readAll(afterPosition: number, limit: number): Promise<RecordedEvent[]> {
    if (!Number.isSafeInteger(afterPosition) || afterPosition < 0) {
      throw new InvalidAppendError('afterPosition', 'must be a whole number from 0');
    }
    if (!Number.isSafeInteger(limit) || limit < 1) {
      throw new InvalidAppendError('limit', 'must be a whole number from 1');
    }
    return this.toRecorded(await this.reader.collect(afterPosition, limit), true);
  }

  subscribe(
    afterPosition: number,
    handler: BatchHandler,
    options: SubscribeOptions = {},
  ): Subscription {
    const subscription = new ResubscribingSubscription(
      this.subscriptionSource(),
      afterPosition,
      handler,
      {
        ...options,
        backoff: this.options.resubscribeBackoff,
        logger: this.logger,
        onError: (error) => {
          this.subscriptions.delete(subscription);
          this.logger.error(`subscription stopped: ${error.message}`);
          options.onError?.(error);
        },
      },
    );
    this.subscriptions.add(subscription);
    return {
      caughtUp: subscription.caughtUp,
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  headPosition(): Promise<number> {
    return this.reader.head();
  }

  /** Seals every event committed so far into the global chain (the sealer runs after appends too). */
  async seal(): Promise<void> {
    await this.sealing;
    await this.runSealer();
  }

  async verify(): Promise<ChainVerdict> {
    await this.seal().catch((error: Error) =>
      this.logger.warn(`could not seal before verifying: ${error.message}`),
    );
    const verifier = new ChainVerifier(this.registry);
    const seals = this.chain.allSeals();
    let sealsDone = false;
    for await (const item of this.reader.scan(0)) {
      const position = Number(item.position.commit);
      while (!sealsDone && !verifier.sealsReach(position)) {
        const next = await seals.next();
        if (next.done) sealsDone = true;
        else verifier.addSeal(next.value);
      }
      verifier.addEvent(item);
    }
    for await (const record of seals) verifier.addSeal(record);
    return verifier.verdict();
  }

  async signedDigest(): Promise<SignedDigest> {
    if (!this.options.signingKeyPem) throw new SigningKeyMissingError();
    await this.seal();
    const head = await this.chain.refresh();
    return signDigest(
      {
        count: head.count,
        lastPosition: head.lastPosition,
        lastGlobalHash: head.lastHash,
        createdAt: new Date().toISOString(),
      },
      this.options.signingKeyPem,
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.subscriptions.clear();
    await this.sealing?.catch(() => undefined);
    await this.client.dispose();
  }

  /** The result of an earlier attempt of this command, if one landed. */
  private async earlierResult(
    journal: JournalState,
    commandId: string,
  ): Promise<AppendResult | null> {
    if (journal.completion) {
      const { streamId, firstVersion, lastVersion } = journal.completion;
      return { streamId, firstVersion, lastVersion, duplicate: true };
    }
    // An attempt that appended but never recorded its completion (a crash in between).
    for (const attempt of journal.attempts) {
      const first = firstRevisionOf(attempt);
      if (await this.landedAt(this.naming.physical(attempt.streamId), commandId, first)) {
        const firstVersion = Number(first) + 1;
        return {
          streamId: attempt.streamId,
          firstVersion,
          lastVersion: firstVersion + attempt.count - 1,
          duplicate: true,
        };
      }
    }
    return null;
  }

  /** True when the event at `revision` of the stream is this command's first event. */
  private async landedAt(stream: string, commandId: string, revision: bigint): Promise<boolean> {
    try {
      for await (const resolved of this.client.readStream(stream, {
        fromRevision: revision,
        maxCount: 1,
      })) {
        return (
          resolved.event?.revision === revision &&
          resolved.event.id === commandEventId(commandId, 0)
        );
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return false;
      throw error;
    }
    return false;
  }

  /** The stream's last version (null for no stream) and the link to chain on. */
  private async readTail(stream: string): Promise<{ version: number | null; hash: Buffer }> {
    try {
      for await (const resolved of this.client.readStream(stream, {
        fromRevision: END,
        direction: BACKWARDS,
        maxCount: 1,
      })) {
        const event = resolved.event;
        if (!event) continue;
        try {
          const stored = storedEventOf(event, stream);
          return {
            version: stored.recorded.streamVersion,
            hash: Buffer.from(stored.recorded.streamHash, 'hex'),
          };
        } catch (error) {
          if (!(error instanceof UnreadableEnvelopeError)) throw error;
          throw new Error(
            `cannot append to ${stream}: its last event has no ledger envelope (${error.message})`,
          );
        }
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return { version: null, hash: GENESIS };
      throw error;
    }
    return { version: null, hash: GENESIS };
  }

  /**
   * Upcast, with global hashes from the seals. `sealFirst`: at the head, seal what has committed
   * meanwhile, so that a reader sees its own appends sealed (as the PostgreSQL adapter does).
   */
  private async toRecorded(stored: StoredEvent[], sealFirst = false): Promise<RecordedEvent[]> {
    const last = stored[stored.length - 1]?.recorded.globalPosition ?? 0;
    if (sealFirst && last > this.chain.sealedHead().lastPosition) {
      await this.seal().catch((error: Error) =>
        this.logger.warn(`global chain sealer: ${error.message}`),
      );
    }
    const positions = stored.flatMap((event) =>
      event.recorded.globalPosition === null ? [] : [event.recorded.globalPosition],
    );
    const hashes = await this.chain.hashesFor(positions);
    return stored.map((event) =>
      upcastOnRead(
        event.recorded,
        this.registry,
        event.recorded.globalPosition === null
          ? null
          : (hashes.get(event.recorded.globalPosition) ?? null),
      ),
    );
  }

  private subscriptionSource(): SubscriptionSource {
    return {
      open: (from, onCheckpoint) => {
        const checkpointReached = (
          subscription: unknown,
          position: { commit: bigint; prepare: bigint },
        ) => onCheckpoint(position, subscription as SubscriptionStream);
        const filter = this.naming.prefix
          ? streamNameFilter({ prefixes: [this.naming.prefix], checkpointReached })
          : excludeSystemEvents({ checkpointReached });
        return this.client.subscribeToAll({ fromPosition: from, filter, resolveLinkTos: false });
      },
      decode: (batch: AllStreamResolvedEvent[]) => {
        const stored: StoredEvent[] = [];
        for (const resolved of batch) {
          const item = classify(resolved, this.naming);
          if (item?.kind === 'event') stored.push(item.stored);
          else if (item?.kind === 'unreadable') {
            this.logger.warn(
              `subscription skipped ${item.streamId}@${item.revision}: ${item.reason}`,
            );
          }
        }
        return this.toRecorded(stored, true);
      },
      head: () => this.reader.head(),
    };
  }

  private scheduleSeal(): void {
    if (this.options.sealAfterAppend === false || this.closed) return;
    if (this.sealing) {
      this.sealAgain = true;
      return;
    }
    void this.runSealer().catch((error: Error) =>
      this.logger.warn(`global chain sealer: ${error.message}`),
    );
  }

  /** One sealer per store instance at a time; across instances the seal stream's revision decides. */
  private runSealer(): Promise<void> {
    if (this.sealing) return this.sealing;
    this.sealing = (async () => {
      try {
        do {
          this.sealAgain = false;
          await this.chain.sealPending((after, limit) =>
            this.reader
              .collect(after, limit)
              .then((events) => events.map((event) => event.recorded)),
          );
        } while (this.sealAgain && !this.closed);
      } finally {
        this.sealing = null;
      }
    })();
    return this.sealing;
  }
}

function pause(round: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.min(200, 5 * 2 ** round)));
}
