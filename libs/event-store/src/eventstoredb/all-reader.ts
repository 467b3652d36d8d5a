import {
  AllStreamResolvedEvent,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  Position,
  ReadPosition,
  START,
} from '@eventstore/db-client';
import { StoredEvent, UnreadableEnvelopeError, storedEventOf } from './envelope-metadata';
import { StreamNaming } from './stream-naming';

/** One of our events in $all: readable, or carrying no ledger envelope (verify reports those). */
export type ScanItem =
  | { kind: 'event'; stored: StoredEvent; position: Position }
  | { kind: 'unreadable'; streamId: string; revision: bigint; position: Position; reason: string };

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/**
 * Our position numbers are EventStoreDB commit positions. Events appended through gRPC are
 * committed implicitly, so each one's commit position equals its prepare position (its own place
 * in the transaction file) and is unique; (n, n) is therefore a valid place to read from.
 */
export function positionOf(globalPosition: number): ReadPosition {
  return globalPosition > 0
    ? { commit: BigInt(globalPosition), prepare: BigInt(globalPosition) }
    : START;
}

/**
 * Picks our events out of $all: streams under the prefix, not system streams ($…), not system
 * event types, not the adapter's own streams. (Client 6.2.1 cannot filter readAll on the server,
 * so the filter runs here; subscriptions filter on the server.)
 */
export function classify(resolved: AllStreamResolvedEvent, naming: StreamNaming): ScanItem | null {
  const event = resolved.event;
  if (!event || !event.position) return null;
  if (event.type.startsWith('$')) return null;
  const streamId = naming.logical(event.streamId);
  if (streamId === null) return null;
  try {
    return { kind: 'event', stored: storedEventOf(event, streamId), position: event.position };
  } catch (error) {
    if (!(error instanceof UnreadableEnvelopeError)) throw error;
    return {
      kind: 'unreadable',
      streamId,
      revision: event.revision,
      position: event.position,
      reason: error.message,
    };
  }
}

export class AllReader {
  constructor(
    private readonly client: EventStoreDBClient,
    private readonly naming: StreamNaming,
    private readonly pageSize = 1000,
  ) {}

  /** Our events after the position, in the order of $all, page by page. */
  async *scan(afterPosition: number): AsyncGenerator<ScanItem> {
    let from = positionOf(afterPosition);
    let seen: Position | null = from === START ? null : (from as Position);
    for (;;) {
      let count = 0;
      for await (const resolved of this.client.readAll({
        fromPosition: from,
        maxCount: this.pageSize,
        direction: FORWARDS,
        resolveLinkTos: false,
      })) {
        count++;
        const position = resolved.event?.position;
        if (!position) continue;
        // A read from a position includes the event at it.
        if (seen && comparePositions(position, seen) <= 0) continue;
        seen = position;
        const item = classify(resolved, this.naming);
        if (item) yield item;
      }
      if (count < this.pageSize || seen === null) return;
      from = seen;
    }
  }

  /** Up to `limit` readable events after the position. */
  async collect(afterPosition: number, limit: number): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    if (limit <= 0) return events;
    for await (const item of this.scan(afterPosition)) {
      if (item.kind !== 'event') continue;
      events.push(item.stored);
      if (events.length >= limit) break;
    }
    return events;
  }

  /** The commit position of our last event in $all, 0 when there is none. */
  async head(): Promise<number> {
    let from: ReadPosition = END;
    let seen: Position | null = null;
    for (;;) {
      let count = 0;
      const read: AsyncIterable<AllStreamResolvedEvent> = this.client.readAll({
        fromPosition: from,
        maxCount: this.pageSize,
        direction: BACKWARDS,
        resolveLinkTos: false,
      });
      for await (const resolved of read) {
        count++;
        const position: Position | undefined = resolved.event?.position;
        if (!position) continue;
        if (seen && comparePositions(position, seen) >= 0) continue;
        seen = position;
        const item = classify(resolved, this.naming);
        if (item?.kind === 'event') return Number(item.position.commit);
      }
      if (count < this.pageSize || seen === null) return 0;
      from = seen;
    }
  }
}
