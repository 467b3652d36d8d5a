import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { RecordedEvent } from '../port/event-envelope';

/** The link before the first event of every chain. */
export const GENESIS = Buffer.alloc(32);

/** Everything an event says, except where the log placed it (that goes into the links). */
export type HashedContent = Pick<
  RecordedEvent,
  | 'eventId'
  | 'type'
  | 'schemaVersion'
  | 'data'
  | 'streamId'
  | 'occurredAt'
  | 'recordedAt'
  | 'actor'
  | 'commandId'
  | 'correlationId'
  | 'causationId'
>;

/** SHA-256 of the canonical JSON of an event's data and envelope, as stored (before upcasting). */
export function contentHash(event: HashedContent): Buffer {
  const content = canonicalJson({
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    streamId: event.streamId,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actor: { id: event.actor.id, role: event.actor.role },
    commandId: event.commandId,
    correlationId: event.correlationId,
    causationId: event.causationId,
  });
  return createHash('sha256').update(content, 'utf8').digest();
}

function link(previous: Buffer, place: number, hash: Buffer): Buffer {
  const placeBytes = Buffer.alloc(8);
  placeBytes.writeBigInt64BE(BigInt(place));
  return createHash('sha256').update(previous).update(placeBytes).update(hash).digest();
}

/**
 * The per-stream link: SHA-256(previous link ‖ stream version as 8 bytes big-endian ‖ content hash).
 * PostgreSQL computes the same with sha256(prev || int8send(version) || content).
 */
export function streamLink(previous: Buffer, streamVersion: number, content: Buffer): Buffer {
  return link(previous, streamVersion, content);
}

/** The global link: SHA-256(previous global link ‖ global position as 8 bytes ‖ stream link). */
export function globalLink(previous: Buffer, globalPosition: number, streamHash: Buffer): Buffer {
  return link(previous, globalPosition, streamHash);
}
