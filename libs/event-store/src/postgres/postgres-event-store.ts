import { Client, Pool } from 'pg';
import {
  AppendContext,
  AppendResult,
  ExpectedVersion,
  NewEvent,
  RecordedEvent,
} from '../port/event-envelope';
import { ConcurrencyError, InvalidAppendError } from '../port/event-store.errors';
import {
  BatchHandler,
  EventStore,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../port/event-store.port';
import { assertStreamId, prepareAppend } from '../port/prepare-append';
import { EventTypeRegistry } from '../registry/event-type-registry';
import { ChainVerdict, SignedDigest } from '../hash-chain/chain-verdict';
import { FaultList, GlobalChainChecker, StreamChainChecker } from '../hash-chain/chain-checkers';
import { signDigest } from '../hash-chain/signed-digest';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from './event-rows';
import { GlobalSealer, SEALED_CHANNEL } from './global-sealer';
import { PollingSubscription } from './polling-subscription';
import { RESILIENT_POOL_OPTIONS, withPoolClient } from './pool-resilience';

export interface PostgresEventStoreOptions {
  connectionString: string;
  registry: EventTypeRegistry;
  /** Ed25519 private key (PKCS#8 PEM) for signed digests. */
  signingKeyPem?: string;
  poolSize?: number;
  /** How often to seal events appended by other processes (ms). */
  sealIntervalMs?: number;
  onBackgroundError?: (error: Error) => void;
}

const READ_BATCH = 5000;
/**
 * How long a connection attempt may take: without a bound, a server that went away without
 * refusing (a dropped network, a failover in progress) keeps a request waiting for the operating
 * system's TCP timeout, minutes. Also the longest wait for a free connection of the pool.
 */
const CONNECT_TIMEOUT_MS = 10_000;
/** Back-off of the LISTEN connection's reconnect loop: from the first to the most. */
const RELISTEN_FIRST_MS = 250;
const RELISTEN_MOST_MS = 2_000;
/** An append with a free expected version ('any') retries this often when overtaken. */
const MAX_APPEND_ATTEMPTS = 5;

/**
 * The event store on PostgreSQL (the default). Appends are one call to event_store.append();
 * the global order is given after commit by the GlobalSealer. See docs/architecture.md.
 */
export class PostgresEventStore implements EventStore {
  readonly pool: Pool;
  private readonly registry: EventTypeRegistry;
  private readonly sealer: GlobalSealer;
  private readonly sealTimer: NodeJS.Timeout;
  private readonly subscriptions = new Set<PollingSubscription>();
  private listener: Client | null = null;
  private relistenMs = RELISTEN_FIRST_MS;
  private relistenTimer: NodeJS.Timeout | null = null;
  /** While sealing keeps failing (the database is away), only the first failure is reported. */
  private sealFailing = false;
  private closed = false;

  constructor(private readonly options: PostgresEventStoreOptions) {
    this.registry = options.registry;
    this.pool = new Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      ...RESILIENT_POOL_OPTIONS,
    });
    this.pool.on('error', (error) => this.backgroundError(error));
    this.sealer = new GlobalSealer(this.pool);
    // Events appended by another process, or by one that died between commit and sealing.
    this.sealTimer = setInterval(() => this.seal(), options.sealIntervalMs ?? 250);
    this.sealTimer.unref();
  }

  async append(
    streamId: string,
    events: NewEvent[],
    expectedVersion: ExpectedVersion,
    context: AppendContext,
  ): Promise<AppendResult> {
    const prepared = prepareAppend(this.registry, streamId, events, expectedVersion, context);
    const first = prepared[0];
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.pool.query<{
          first_version: string;
          last_version: string;
          duplicate: boolean;
        }>(
          `SELECT * FROM event_store.append($1, $2, $3, $4, $5, $6, $7, $8::jsonb[], $9, $10, $11, $12, $13, $14, $15)`,
          [
            streamId,
            typeof expectedVersion === 'number' ? 'exact' : expectedVersion,
            typeof expectedVersion === 'number' ? expectedVersion : null,
            first.commandId,
            prepared.map((e) => e.eventId),
            prepared.map((e) => e.type),
            prepared.map((e) => e.schemaVersion),
            prepared.map((e) => JSON.stringify(e.data)),
            prepared.map((e) => e.occurredAt),
            first.recordedAt,
            first.actor.id,
            first.actor.role,
            first.correlationId,
            first.causationId,
            prepared.map((e) => e.contentHash),
          ],
        );
        const row = result.rows[0];
        if (!row.duplicate) this.seal();
        return {
          streamId,
          firstVersion: Number(row.first_version),
          lastVersion: Number(row.last_version),
          duplicate: row.duplicate,
        };
      } catch (error) {
        const pgError = error as { code?: string; detail?: string; constraint?: string };
        if (pgError.code === 'LE409') {
          throw new ConcurrencyError(
            streamId,
            expectedVersion,
            pgError.detail === 'none' ? null : Number(pgError.detail),
          );
        }
        if (pgError.code !== '23505') throw error;
        // A concurrent append won the race: the same command (then answer as it was answered),
        // or another command that took the version this one read as free.
        const earlier = await this.recordedCommand(first.commandId);
        if (earlier) return { streamId, ...earlier, duplicate: true };
        if (pgError.constraint === 'events_event_id') {
          throw new InvalidAppendError('events[].eventId', 'is already in the log');
        }
        const versionIsFree = expectedVersion === 'any' || expectedVersion === 'stream_exists';
        if (!versionIsFree || attempt >= MAX_APPEND_ATTEMPTS) {
          throw new ConcurrencyError(streamId, expectedVersion, await this.streamVersion(streamId));
        }
      }
    }
  }

  private async recordedCommand(
    commandId: string,
  ): Promise<{ firstVersion: number; lastVersion: number } | null> {
    const found = await this.pool.query<{ first_version: string; last_version: string }>(
      'SELECT first_version, last_version FROM event_store.commands WHERE command_id = $1',
      [commandId],
    );
    const row = found.rows[0];
    return row
      ? { firstVersion: Number(row.first_version), lastVersion: Number(row.last_version) }
      : null;
  }

  private async streamVersion(streamId: string): Promise<number | null> {
    const found = await this.pool.query<{ version: string | null }>(
      'SELECT max(stream_version) AS version FROM event_store.events WHERE stream_id = $1',
      [streamId],
    );
    return found.rows[0].version === null ? null : Number(found.rows[0].version);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertStreamId(streamId);
    const backwards = options.direction === 'backwards';
    const from = options.from ?? (backwards ? Number.MAX_SAFE_INTEGER : 1);
    const result = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM event_store.events
        WHERE stream_id = $1 AND stream_version ${backwards ? '<=' : '>='} $2
        ORDER BY stream_version ${backwards ? 'DESC' : 'ASC'}
        LIMIT $3`,
      [streamId, from, options.limit ?? null],
    );
    return result.rows.map((row) => this.upcast(toRecordedEvent(row)));
  }

  async readAll(afterPosition: number, limit: number): Promise<RecordedEvent[]> {
    const rows = await this.readSealed(afterPosition, limit);
    if (rows.length < limit) {
      // At the head: seal what has committed meanwhile, so a reader sees its own appends.
      await this.sealer.request();
      if (rows.length === 0)
        return (await this.readSealed(afterPosition, limit)).map((r) =>
          this.upcast(toRecordedEvent(r)),
        );
      rows.push(
        ...(await this.readSealed(
          Number(rows[rows.length - 1].global_position),
          limit - rows.length,
        )),
      );
    }
    return rows.map((row) => this.upcast(toRecordedEvent(row)));
  }

  subscribe(
    afterPosition: number,
    handler: BatchHandler,
    options: SubscribeOptions = {},
  ): Subscription {
    const subscription = new PollingSubscription(
      afterPosition,
      handler,
      (after, limit) => this.readAll(after, limit),
      options,
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    void this.listen();
    subscription.start();
    return subscription;
  }

  async headPosition(): Promise<number> {
    await this.sealer.request();
    const result = await this.pool.query<{ position: string }>(
      'SELECT position FROM event_store.seal_head',
    );
    return Number(result.rows[0].position);
  }

  /** Seals pending events now; resolves when they have global positions. */
  async flush(): Promise<void> {
    await this.sealer.request();
  }

  async verify(): Promise<ChainVerdict> {
    await this.sealer.request();
    const faults = new FaultList();
    const streams = new StreamChainChecker(this.registry, faults.add);
    const global = new GlobalChainChecker(faults.add);
    await withPoolClient(this.pool, async (client) => {
      // One snapshot for the whole walk, so concurrent appends cannot look like faults.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      let after: [string, number] = ['', 0];
      for (;;) {
        const batch = await client.query<EventRow>(
          `SELECT ${EVENT_COLUMNS} FROM event_store.events
            WHERE (stream_id, stream_version) > ($1, $2)
            ORDER BY stream_id, stream_version LIMIT ${READ_BATCH}`,
          after,
        );
        batch.rows.forEach((row) => streams.check(toRecordedEvent(row)));
        if (batch.rows.length < READ_BATCH) break;
        const last = batch.rows[batch.rows.length - 1];
        after = [last.stream_id, Number(last.stream_version)];
      }
      let position = 0;
      for (;;) {
        const batch = await client.query<EventRow>(
          `SELECT global_position, event_id, stream_id, stream_version, encode(stream_hash, 'hex') AS stream_hash, encode(global_hash, 'hex') AS global_hash
             FROM event_store.events WHERE global_position > $1
            ORDER BY global_position LIMIT ${READ_BATCH}`,
          [position],
        );
        for (const row of batch.rows) {
          global.check({
            globalPosition: Number(row.global_position),
            globalHash: row.global_hash,
            streamHash: row.stream_hash,
            streamId: row.stream_id,
            streamVersion: Number(row.stream_version),
            eventId: row.event_id,
          });
        }
        if (batch.rows.length < READ_BATCH) break;
        position = Number(batch.rows[batch.rows.length - 1].global_position);
      }
      const head = await client.query<{ position: string; hash: Buffer }>(
        'SELECT position, hash FROM event_store.seal_head',
      );
      if (Number(head.rows[0].position) !== global.lastPosition) {
        faults.add({
          kind: 'global-position-gap',
          globalPosition: Number(head.rows[0].position),
          detail: `the log's head says position ${head.rows[0].position} but the last event found is at ${global.lastPosition}: events at the end are missing`,
        });
      }
      await client.query('COMMIT');
    });
    return {
      ok: faults.faults.length === 0,
      eventsChecked: streams.events,
      streamsChecked: streams.streams,
      lastGlobalPosition: global.lastPosition,
      lastGlobalHash: global.lastHash,
      faults: faults.faults,
    };
  }

  async signedDigest(): Promise<SignedDigest> {
    await this.sealer.request();
    const head = await this.pool.query<{ position: string; hash: Buffer }>(
      'SELECT position, hash FROM event_store.seal_head',
    );
    const position = Number(head.rows[0].position);
    return signDigest(
      {
        count: position,
        lastPosition: position,
        lastGlobalHash: position === 0 ? null : head.rows[0].hash.toString('hex'),
        createdAt: new Date().toISOString(),
      },
      this.options.signingKeyPem,
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.sealTimer);
    if (this.relistenTimer) clearTimeout(this.relistenTimer);
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.sealer.request().catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
    await this.pool.end();
  }

  private readSealed(afterPosition: number, limit: number): Promise<EventRow[]> {
    return this.pool
      .query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM event_store.events
          WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
        [afterPosition, limit],
      )
      .then((result) => result.rows);
  }

  /** Lifts old schema versions; an unknown type is returned as stored (verify() names it). */
  private upcast(event: RecordedEvent): RecordedEvent {
    if (!this.registry.has(event.type)) return event;
    const current = this.registry.upcast(event.type, event.schemaVersion, event.data);
    return current.schemaVersion === event.schemaVersion ? event : { ...event, ...current };
  }

  private seal(): void {
    if (this.closed) return;
    this.sealer.request().then(
      () => (this.sealFailing = false),
      (error: Error) => {
        // Every 250 ms while the database is away: one report for the whole outage is enough.
        if (!this.sealFailing) this.backgroundError(error);
        this.sealFailing = true;
      },
    );
  }

  /**
   * One LISTEN connection wakes every subscription as soon as any process seals events. When it
   * fails (the server died, the network dropped) it is connected again with back-off for as long
   * as anyone is subscribed; meanwhile the subscriptions poll, so they are late, never stuck.
   */
  private async listen(): Promise<void> {
    if (this.listener || this.closed) return;
    const listener = new Client({
      connectionString: this.options.connectionString,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
    });
    this.listener = listener;
    const lost = (error: Error) => {
      if (this.listener !== listener) return;
      this.listener = null;
      void listener.end().catch(() => undefined);
      this.backgroundError(error);
      this.listenAgainLater();
    };
    listener.on('notification', () => this.subscriptions.forEach((s) => s.wake()));
    listener.on('error', lost);
    listener.on('end', () => lost(new Error('the LISTEN connection ended')));
    try {
      await listener.connect();
      await listener.query(`LISTEN ${SEALED_CHANNEL}`);
    } catch (error) {
      lost(error as Error);
      return;
    }
    this.relistenMs = RELISTEN_FIRST_MS;
    // Whatever was sealed while nobody listened: look now rather than at the next poll.
    this.subscriptions.forEach((s) => s.wake());
  }

  private listenAgainLater(): void {
    if (this.closed || this.relistenTimer || this.subscriptions.size === 0) return;
    this.relistenTimer = setTimeout(() => {
      this.relistenTimer = null;
      void this.listen();
    }, this.relistenMs);
    this.relistenTimer.unref();
    this.relistenMs = Math.min(this.relistenMs * 2, RELISTEN_MOST_MS);
  }

  private backgroundError(error: Error): void {
    if (this.closed) return;
    this.options.onBackgroundError?.(error);
  }
}
