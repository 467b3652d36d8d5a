import { UnknownEventTypeError } from '../port/event-store.errors';

/** Turns data of schema version n into data of version n + 1. */
export type Upcaster = (data: unknown) => unknown;

export interface EventTypeDefinition {
  type: string;
  /** The version new events of this type are written with. */
  schemaVersion: number;
  /** upcasters[n] lifts version n to n + 1; old events are upcast on read, never rewritten. */
  upcasters?: Record<number, Upcaster>;
}

/** Every event type the ledger knows, with its schema versions. */
export class EventTypeRegistry {
  private readonly types = new Map<string, EventTypeDefinition>();

  constructor(definitions: EventTypeDefinition[] = []) {
    definitions.forEach((definition) => this.register(definition));
  }

  register(definition: EventTypeDefinition): this {
    if (!Number.isInteger(definition.schemaVersion) || definition.schemaVersion < 1) {
      throw new Error(`schema version of ${definition.type} must be a whole number from 1`);
    }
    for (let version = 1; version < definition.schemaVersion; version++) {
      if (!definition.upcasters?.[version]) {
        throw new Error(
          `${definition.type} needs an upcaster from version ${version} to ${version + 1}`,
        );
      }
    }
    this.types.set(definition.type, definition);
    return this;
  }

  has(type: string): boolean {
    return this.types.has(type);
  }

  currentVersion(type: string): number {
    const definition = this.types.get(type);
    if (!definition) throw new UnknownEventTypeError(type);
    return definition.schemaVersion;
  }

  /** Lifts stored data to the current schema version of its type. */
  upcast(
    type: string,
    schemaVersion: number,
    data: unknown,
  ): { schemaVersion: number; data: unknown } {
    const definition = this.types.get(type);
    if (!definition) throw new UnknownEventTypeError(type);
    if (schemaVersion < 1 || schemaVersion > definition.schemaVersion) {
      throw new UnknownEventTypeError(type, schemaVersion);
    }
    let current = data;
    for (let version = schemaVersion; version < definition.schemaVersion; version++) {
      current = definition.upcasters![version](current);
    }
    return { schemaVersion: definition.schemaVersion, data: current };
  }
}
