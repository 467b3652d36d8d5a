import {
  EventStoreDBClient,
  FORWARDS,
  JSONType,
  NO_STREAM,
  START,
  StreamNotFoundError,
  jsonEvent,
} from '@eventstore/db-client';
import { isWrongExpectedVersion } from './expected-revision';
import { commandEventId } from './deterministic-id';
import {
  ChainInput,
  EMPTY_HEAD,
  GLOBAL_CHAIN_SEALED,
  GlobalChainSeal,
  SealedHead,
  buildSeal,
  headAfter,
  parseSeal,
} from './global-chain';

/** A seal as read back, or what made it unreadable. */
export type SealRecord =
  { revision: bigint; seal: GlobalChainSeal } | { revision: bigint; seal: null; problem: string };

interface SealSummary {
  revision: bigint;
  previousPosition: number;
  lastPosition: number;
}

/**
 * The global chain of one log, kept in its global-chain stream: reads the seals (to give events
 * their global hash) and extends them. Only one sealer can extend a given seal, because each seal
 * is appended at the exact revision after the one it follows; a sealer that loses reloads and
 * goes on from the winner's head, so the chain never forks.
 */
export class GlobalChainLedger {
  private head: SealedHead = EMPTY_HEAD;
  private readonly summaries: SealSummary[] = [];
  private readonly entryCache = new Map<bigint, Map<number, string>>();

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly stream: string,
    private readonly batchSize = 500,
    private readonly cacheSeals = 64,
  ) {}

  sealedHead(): SealedHead {
    return this.head;
  }

  /** Reads the seals appended since the last look. */
  async refresh(): Promise<SealedHead> {
    const fromRevision = this.head.revision === null ? START : this.head.revision + 1n;
    for (const record of await this.readSeals(fromRevision)) {
      if (record.seal === null)
        throw new Error(`global chain seal ${record.revision} is unreadable: ${record.problem}`);
      const seal = record.seal;
      this.summaries.push({
        revision: record.revision,
        previousPosition: seal.previousPosition,
        lastPosition: seal.lastPosition,
      });
      this.remember(record.revision, seal);
      this.head = headAfter(seal, record.revision);
    }
    return this.head;
  }

  /** The global hashes of the sealed ones among these positions. */
  async hashesFor(positions: number[]): Promise<Map<number, string>> {
    const found = new Map<number, string>();
    if (positions.length === 0) return found;
    if (Math.max(...positions) > this.head.lastPosition) {
      // A reader still gets its events when the seals cannot be read; they just lack global hashes.
      await this.refresh().catch(() => undefined);
    }
    for (const position of positions) {
      const summary = this.sealCovering(position);
      if (!summary) continue;
      let entries = this.entryCache.get(summary.revision);
      if (!entries) {
        const [record] = await this.readSeals(summary.revision, 1);
        if (!record?.seal) continue;
        entries = this.remember(summary.revision, record.seal);
      }
      const hash = entries.get(position);
      if (hash) found.set(position, hash);
    }
    return found;
  }

  /**
   * Seals every event after the sealed head, batch by batch. `pending` returns the next events
   * in global order after a position.
   */
  async sealPending(
    pending: (after: number, limit: number) => Promise<ChainInput[]>,
  ): Promise<SealedHead> {
    for (let round = 0; round < 10_000; round++) {
      const head = await this.refresh();
      const events = await pending(head.lastPosition, this.batchSize);
      if (events.length === 0) return head;
      const seal = buildSeal(head, events);
      try {
        await this.client.appendToStream(
          this.stream,
          jsonEvent({
            // The same seal of the same head gets the same id, so a retried write is idempotent.
            id: commandEventId(`seal:${this.stream}`, seal.count),
            type: GLOBAL_CHAIN_SEALED,
            data: seal as unknown as JSONType,
          }),
          { expectedRevision: head.revision === null ? NO_STREAM : head.revision },
        );
      } catch (error) {
        // Another sealer extended the chain first: take its seals and go on from there.
        if (!isWrongExpectedVersion(error)) throw error;
      }
    }
    throw new Error('the global chain sealer made no progress');
  }

  /** Every seal, in order, for verify(). */
  async *allSeals(): AsyncGenerator<SealRecord> {
    let from: bigint | typeof START = START;
    for (;;) {
      const page = await this.readSeals(from, 100);
      for (const record of page) yield record;
      if (page.length < 100) return;
      from = page[page.length - 1].revision + 1n;
    }
  }

  private async readSeals(
    fromRevision: bigint | typeof START,
    maxCount?: number,
  ): Promise<SealRecord[]> {
    const records: SealRecord[] = [];
    try {
      for await (const resolved of this.client.readStream(this.stream, {
        fromRevision,
        direction: FORWARDS,
        ...(maxCount === undefined ? {} : { maxCount }),
      })) {
        const event = resolved.event;
        if (!event) continue;
        if (event.type !== GLOBAL_CHAIN_SEALED) {
          records.push({
            revision: event.revision,
            seal: null,
            problem: `unexpected event type ${event.type}`,
          });
          continue;
        }
        try {
          records.push({ revision: event.revision, seal: parseSeal(event.data) });
        } catch (error) {
          records.push({ revision: event.revision, seal: null, problem: (error as Error).message });
        }
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return records;
      throw error;
    }
    return records;
  }

  private sealCovering(position: number): SealSummary | undefined {
    let low = 0;
    let high = this.summaries.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const summary = this.summaries[middle];
      if (position <= summary.previousPosition) high = middle - 1;
      else if (position > summary.lastPosition) low = middle + 1;
      else return summary;
    }
    return undefined;
  }

  private remember(revision: bigint, seal: GlobalChainSeal): Map<number, string> {
    const entries = new Map(seal.entries);
    this.entryCache.set(revision, entries);
    while (this.entryCache.size > this.cacheSeals) {
      this.entryCache.delete(this.entryCache.keys().next().value as bigint);
    }
    return entries;
  }
}
