import { randomUUID } from 'node:crypto';
import { AppendContext, ExpectedVersion, NewEvent, RecordedEvent } from './event-envelope';
import { InvalidAppendError, UnknownEventTypeError } from './event-store.errors';
import { assertPlainJson } from '../hash-chain/canonical-json';
import { contentHash } from '../hash-chain/chain-links';
import { EventTypeRegistry } from '../registry/event-type-registry';

export const MAX_STREAM_ID_LENGTH = 200;
export const MAX_EVENTS_PER_APPEND = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An event ready to be written: its full envelope except the places the store assigns. */
export type PreparedEvent = Omit<
  RecordedEvent,
  'streamVersion' | 'globalPosition' | 'streamHash' | 'globalHash'
> & {
  contentHash: Buffer;
};

/**
 * Checks an append before any adapter touches its store, so that bad input is refused the same
 * way everywhere and nothing is half-written; then fills in ids, times and content hashes.
 */
export function prepareAppend(
  registry: EventTypeRegistry,
  streamId: string,
  events: NewEvent[],
  expectedVersion: ExpectedVersion,
  context: AppendContext,
  now: Date = new Date(),
): PreparedEvent[] {
  assertStreamId(streamId);
  assertExpectedVersion(expectedVersion);
  if (!context || typeof context.commandId !== 'string' || context.commandId.trim() === '') {
    throw new InvalidAppendError('commandId', 'is required');
  }
  if (context.commandId.length > 200)
    throw new InvalidAppendError('commandId', 'must be at most 200 characters');
  if (!context.actor || !context.actor.id || !context.actor.role) {
    throw new InvalidAppendError('actor', 'needs an id and a role');
  }
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppendError('events', 'must hold at least one event');
  }
  if (events.length > MAX_EVENTS_PER_APPEND) {
    throw new InvalidAppendError('events', `must hold at most ${MAX_EVENTS_PER_APPEND} events`);
  }
  const recordedAt = now.toISOString();
  return events.map((event, index) => {
    const field = `events[${index}]`;
    if (typeof event?.type !== 'string' || event.type === '') {
      throw new InvalidAppendError(`${field}.type`, 'is required');
    }
    if (!registry.has(event.type)) throw new UnknownEventTypeError(event.type);
    const schemaVersion = event.schemaVersion ?? registry.currentVersion(event.type);
    if (schemaVersion !== registry.currentVersion(event.type)) {
      throw new InvalidAppendError(
        `${field}.schemaVersion`,
        `new ${event.type} events are written with schema version ${registry.currentVersion(event.type)}`,
      );
    }
    if (event.data === undefined) throw new InvalidAppendError(`${field}.data`, 'is required');
    assertPlainJson(event.data, `${field}.data`);
    const eventId = event.eventId ?? randomUUID();
    if (!UUID.test(eventId)) throw new InvalidAppendError(`${field}.eventId`, 'must be a UUID');
    const prepared = {
      eventId: eventId.toLowerCase(),
      type: event.type,
      schemaVersion,
      data: event.data,
      streamId,
      occurredAt:
        event.occurredAt === undefined
          ? recordedAt
          : isoInstant(event.occurredAt, `${field}.occurredAt`),
      recordedAt,
      actor: { id: context.actor.id, role: context.actor.role },
      commandId: context.commandId,
      correlationId: context.correlationId ?? context.commandId,
      causationId: context.causationId ?? null,
    };
    return { ...prepared, contentHash: contentHash(prepared) };
  });
}

export function assertStreamId(streamId: string): void {
  if (typeof streamId !== 'string' || streamId.trim() === '') {
    throw new InvalidAppendError('streamId', 'must not be empty');
  }
  if (streamId.length > MAX_STREAM_ID_LENGTH) {
    throw new InvalidAppendError('streamId', `must be at most ${MAX_STREAM_ID_LENGTH} characters`);
  }
  if (streamId.startsWith('$')) {
    throw new InvalidAppendError('streamId', 'must not start with $ (reserved for system streams)');
  }
}

export function assertExpectedVersion(expected: ExpectedVersion): void {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return;
  if (typeof expected !== 'number' || !Number.isSafeInteger(expected) || expected < 0) {
    throw new InvalidAppendError(
      'expectedVersion',
      `must be 'any', 'no_stream', 'stream_exists' or a whole number from 0 (got ${JSON.stringify(expected)})`,
    );
  }
}

/** An ISO date or date-time, stored as a UTC instant with milliseconds, like recordedAt. */
function isoInstant(value: string, field: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
  const match = typeof value === 'string' ? iso.exec(value) : null;
  const parsed = match ? new Date(value) : new Date(NaN);
  if (
    !match ||
    Number.isNaN(parsed.getTime()) ||
    !isCalendarDate(+match[1], +match[2], +match[3])
  ) {
    throw new InvalidAppendError(
      field,
      `must be an ISO 8601 date or date-time (got ${JSON.stringify(value)})`,
    );
  }
  return parsed.toISOString();
}

/** Date would roll 2019-02-30 over to March 2; a calendar date must come back unchanged. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}
