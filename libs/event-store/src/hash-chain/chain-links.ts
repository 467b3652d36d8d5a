import { hash as sha } from 'node:crypto';
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
  // One-shot hashing: a third cheaper per event than a Hash object (verify hashes every event).
  return sha('sha256', content, 'buffer');
}

function link(previous: Buffer, place: number, hash: Buffer): Buffer {
  // previous ‖ place as a signed 64-bit big-endian integer ‖ hash, hashed in one call. Places are
  // positive and below 2^53, so the high half is place / 2^32 and the low half the rest.
  const bytes = Buffer.allocUnsafe(72);
  previous.copy(bytes, 0);
  bytes.writeUInt32BE(Math.floor(place / 4_294_967_296), 32);
  bytes.writeUInt32BE(place >>> 0, 36);
  hash.copy(bytes, 40);
  return sha('sha256', bytes, 'buffer');
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
