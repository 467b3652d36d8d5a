import { RecordedEvent } from '../port/event-envelope';
import { EventTypeRegistry } from '../registry/event-type-registry';

/**
 * The event lifted to the current schema of its type. An event whose type or schema version the
 * registry does not know (or whose upcaster throws) comes back as stored, so that one odd event
 * cannot stop a reader; verify() names it.
 */
export function upcastOnRead(
  stored: RecordedEvent,
  registry: EventTypeRegistry,
  globalHash: string | null,
): RecordedEvent {
  try {
    const { schemaVersion, data } = registry.upcast(stored.type, stored.schemaVersion, stored.data);
    return { ...stored, schemaVersion, data, globalHash };
  } catch {
    return { ...stored, globalHash };
  }
}
