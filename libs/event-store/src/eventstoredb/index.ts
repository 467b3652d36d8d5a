export {
  EventStoreDbEventStore,
  EventStoreDbEventStoreOptions,
  EventStoreDbLogger,
} from './eventstoredb-event-store';
