export {
  EventStoreDbEventStore,
  EventStoreDbEventStoreOptions,
  EventStoreDbLogger,
} from './eventstoredb-event-store';
export { verifySignedDigest } from './digest-signer';
