/** Who caused an event: the authenticated user and the role they acted in. */
export interface Actor {
  id: string;
  role: string;
}

/** An event a command decided, before the store has given it a place in the log. */
export interface NewEvent<T = unknown> {
  type: string;
  data: T;
  /** When it happened in the world (a May election entered in June). Defaults to recordedAt. */
  occurredAt?: string;
  /** Defaults to the current schema version of the type in the registry. */
  schemaVersion?: number;
  /** Defaults to a new UUID. */
  eventId?: string;
}

/** What every append says about its cause, stored in each event's envelope. */
export interface AppendContext {
  /** The command that decided the events; the same command id appends once. */
  commandId: string;
  actor: Actor;
  /** Ties together everything one request caused. Defaults to the command id. */
  correlationId?: string;
  /** The event or command that directly caused this one. */
  causationId?: string;
}

/** An event as stored: its data and its complete envelope. */
export interface RecordedEvent<T = unknown> {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: T;
  streamId: string;
  /** 1 for the first event of a stream, contiguous after that. */
  streamVersion: number;
  /**
   * Place in the one global order, strictly increasing. On PostgreSQL 1 for the first event and
   * contiguous after that; on EventStoreDB the commit position (unique, increasing, with gaps).
   * null while the event is committed but not yet sealed into the global chain.
   */
  globalPosition: number | null;
  recordedAt: string;
  occurredAt: string;
  actor: Actor;
  commandId: string;
  correlationId: string;
  causationId: string | null;
  /** The hash-chain links, hex SHA-256: per stream at append, global once sealed. */
  streamHash: string;
  globalHash: string | null;
}

/**
 * The version the stream must be at for an append to go through:
 * 'any' (no check), 'no_stream' (must not exist), 'stream_exists', or the exact last version.
 */
export type ExpectedVersion = 'any' | 'no_stream' | 'stream_exists' | number;

export interface AppendResult {
  streamId: string;
  /** Version of the first and last event appended (or of the first append, for a duplicate). */
  firstVersion: number;
  lastVersion: number;
  /** True when this command id had already been appended: nothing was written this time. */
  duplicate: boolean;
}
