import type { Actor } from '@ledger/event-store';

/** What the ledger knows about a command besides its content; it ends up in every envelope. */
export interface CommandMetadata {
  /** From the Idempotency-Key header (or the import's and the seed's own keys), or a new UUID. */
  commandId: string;
  actor: Actor;
  /** The request id (X-Request-Id), so the log lines and the events of one request meet. */
  correlationId: string;
  /** When the command arrived: the `occurredAt` of facts the command gives no date for. */
  receivedAt: string;
  /** An id for a new thing the client did not name; stable across retries of the same key. */
  newId(kind: string): string;
}
