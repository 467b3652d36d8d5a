import { EventTypeRegistry } from '@ledger/event-store';

/** Every event type the ledger writes and reads, with its schema version and upcasters. */
export function ledgerEventTypes(): EventTypeRegistry {
  return new EventTypeRegistry([]);
}
