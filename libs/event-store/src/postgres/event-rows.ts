import { RecordedEvent } from '../port/event-envelope';

/** The columns every read selects, in one place so reads and verify agree. */
export const EVENT_COLUMNS = `global_position, event_id, stream_id, stream_version, type, schema_version, data,
  occurred_at, recorded_at, actor_id, actor_role, command_id, correlation_id, causation_id,
  stream_hash, global_hash`;

export interface EventRow {
  global_position: string | null;
  event_id: string;
  stream_id: string;
  stream_version: string;
  type: string;
  schema_version: number;
  data: unknown;
  occurred_at: Date;
  recorded_at: Date;
  actor_id: string;
  actor_role: string;
  command_id: string;
  correlation_id: string;
  causation_id: string | null;
  stream_hash: Buffer;
  global_hash: Buffer | null;
}

/** A stored row as the event it records, exactly as stored (upcasting happens after). */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    globalPosition: row.global_position === null ? null : Number(row.global_position),
    recordedAt: row.recorded_at.toISOString(),
    occurredAt: row.occurred_at.toISOString(),
    actor: { id: row.actor_id, role: row.actor_role },
    commandId: row.command_id,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    streamHash: row.stream_hash.toString('hex'),
    globalHash: row.global_hash === null ? null : row.global_hash.toString('hex'),
  };
}
