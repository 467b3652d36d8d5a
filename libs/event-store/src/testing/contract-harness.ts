import { EventStore } from '../port/event-store.port';
import { EventTypeRegistry } from '../registry/event-type-registry';

/** What the contract suite needs from an adapter to prove it keeps the port's promises. */
export interface ContractHarness {
  /** Adapter name shown in the test titles. */
  name: string;
  /**
   * A store on a log no other test writes to (a fresh database, or for a shared server a
   * unique stream prefix that readAll and subscribe keep to). With sameLogAs, a second store
   * on the log of the first (as after a restart with a newer registry).
   */
  createStore(registry: EventTypeRegistry, sameLogAs?: EventStore): Promise<EventStore>;
  /** Releases whatever createStore made (called after each test file). */
  dispose?(): Promise<void>;
  /**
   * Adapter-specific ways to change stored events behind the store's back, for the
   * tamper-detection tests. Adapters whose storage cannot be edited leave this out.
   */
  tamper?: StorageTamper;
  /**
   * Runs `work` while a writing transaction that appended one event to `streamId` stays open,
   * then commits it. Only adapters that have the sequence-gap problem (PostgreSQL) provide it.
   */
  holdOpenAppend?(store: EventStore, streamId: string, work: () => Promise<void>): Promise<void>;
}

export interface StorageTamper {
  /** Changes the stored data of the event at streamId/version. */
  editData(store: EventStore, streamId: string, version: number, data: unknown): Promise<void>;
  /** Deletes the stored event at streamId/version. */
  deleteEvent(store: EventStore, streamId: string, version: number): Promise<void>;
  /** Swaps the global positions of two events. */
  swapGlobalPositions(store: EventStore, a: number, b: number): Promise<void>;
}
