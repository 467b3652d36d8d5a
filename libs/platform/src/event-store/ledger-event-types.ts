import { domainEventCatalogue } from '@ledger/domain';
import { EventTypeRegistry } from '@ledger/event-store';

/**
 * Every event type the ledger writes and reads, with its schema version, from the domain's
 * catalogue. When a type's schema changes, its upcasters are added here, beside the type.
 */
export function ledgerEventTypes(): EventTypeRegistry {
  return new EventTypeRegistry(
    domainEventCatalogue.map(({ type, schemaVersion }) => ({ type, schemaVersion })),
  );
}
