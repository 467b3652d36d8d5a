import type { Position } from '@eventstore/db-client';
import { Actor, RecordedEvent } from '../port/event-envelope';
import { PreparedEvent } from '../port/prepare-append';

export const ENVELOPE_FORMAT = 'ledger-envelope/1';

/** What each EventStoreDB event carries in its metadata: the port's envelope and its stream link. */
export interface EnvelopeMetadata {
  format: typeof ENVELOPE_FORMAT;
  eventId: string;
  schemaVersion: number;
  streamVersion: number;
  recordedAt: string;
  occurredAt: string;
  actor: Actor;
  commandId: string;
  correlationId: string;
  causationId: string | null;
  /** Hex SHA-256 per-stream link. */
  streamHash: string;
}

/** The metadata is missing or is not a ledger envelope (an event written behind the adapter's back). */
export class UnreadableEnvelopeError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnreadableEnvelopeError';
  }
}

export function encodeEnvelope(
  event: PreparedEvent,
  streamVersion: number,
  streamHash: Buffer,
): EnvelopeMetadata {
  return {
    format: ENVELOPE_FORMAT,
    eventId: event.eventId,
    schemaVersion: event.schemaVersion,
    streamVersion,
    recordedAt: event.recordedAt,
    occurredAt: event.occurredAt,
    actor: { id: event.actor.id, role: event.actor.role },
    commandId: event.commandId,
    correlationId: event.correlationId,
    causationId: event.causationId,
    streamHash: streamHash.toString('hex'),
  };
}

const HEX64 = /^[0-9a-f]{64}$/;

export function decodeEnvelope(metadata: unknown): EnvelopeMetadata {
  if (metadata === undefined || metadata === null) throw new UnreadableEnvelopeError('no metadata');
  if (typeof metadata !== 'object' || Array.isArray(metadata) || metadata instanceof Uint8Array) {
    throw new UnreadableEnvelopeError('metadata is not a JSON object');
  }
  const m = metadata as Record<string, unknown>;
  if (m.format !== ENVELOPE_FORMAT) {
    throw new UnreadableEnvelopeError(
      `metadata format is ${JSON.stringify(m.format)}, not ${ENVELOPE_FORMAT}`,
    );
  }
  const text = (field: string): string => {
    if (typeof m[field] !== 'string')
      throw new UnreadableEnvelopeError(`metadata.${field} is not a string`);
    return m[field] as string;
  };
  const whole = (field: string): number => {
    const value = m[field];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
      throw new UnreadableEnvelopeError(`metadata.${field} is not a whole number from 1`);
    }
    return value;
  };
  const actor = m.actor as Record<string, unknown> | null | undefined;
  if (!actor || typeof actor.id !== 'string' || typeof actor.role !== 'string') {
    throw new UnreadableEnvelopeError('metadata.actor needs an id and a role');
  }
  if (m.causationId !== null && typeof m.causationId !== 'string') {
    throw new UnreadableEnvelopeError('metadata.causationId is not a string or null');
  }
  const streamHash = text('streamHash');
  if (!HEX64.test(streamHash))
    throw new UnreadableEnvelopeError('metadata.streamHash is not hex SHA-256');
  return {
    format: ENVELOPE_FORMAT,
    eventId: text('eventId'),
    schemaVersion: whole('schemaVersion'),
    streamVersion: whole('streamVersion'),
    recordedAt: text('recordedAt'),
    occurredAt: text('occurredAt'),
    actor: { id: actor.id, role: actor.role },
    commandId: text('commandId'),
    correlationId: text('correlationId'),
    causationId: (m.causationId as string | null) ?? null,
    streamHash,
  };
}

/** The part of an EventStoreDB recorded event the adapter reads. */
export interface RawEvent {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  position?: Position;
}

/** One of our events as EventStoreDB holds it: the port's envelope (not upcast) and its place. */
export interface StoredEvent {
  /** As stored: schemaVersion and data before upcasting, globalHash not yet known. */
  recorded: RecordedEvent;
  /** EventStoreDB's own numbers. */
  revision: bigint;
  position: Position | null;
  /** The stream version the envelope claims (verify compares it with the revision). */
  claimedVersion: number;
}

/** Reads our envelope from an EventStoreDB event of the stream `streamId` (already un-prefixed). */
export function storedEventOf(raw: RawEvent, streamId: string): StoredEvent {
  if (!raw.isJson) throw new UnreadableEnvelopeError('data is not JSON');
  const envelope = decodeEnvelope(raw.metadata);
  const position = raw.position ?? null;
  return {
    recorded: {
      eventId: envelope.eventId,
      type: raw.type,
      schemaVersion: envelope.schemaVersion,
      data: raw.data,
      streamId,
      streamVersion: Number(raw.revision) + 1,
      globalPosition: position ? Number(position.commit) : null,
      recordedAt: envelope.recordedAt,
      occurredAt: envelope.occurredAt,
      actor: envelope.actor,
      commandId: envelope.commandId,
      correlationId: envelope.correlationId,
      causationId: envelope.causationId,
      streamHash: envelope.streamHash,
      globalHash: null,
    },
    revision: raw.revision,
    position,
    claimedVersion: envelope.streamVersion,
  };
}
