import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { EventStore } from '../port/event-store.port';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  const signingKeyPem = generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const prefixes = new WeakMap<EventStore, string>();

  describeEventStoreContract({
    name: 'EventStoreDB',
    // One server is shared: each log is a unique stream prefix that readAll and subscribe keep to.
    async createStore(registry, sameLogAs) {
      const streamPrefix = (sameLogAs && prefixes.get(sameLogAs)) || `contract-${randomUUID()}-`;
      const store = new EventStoreDbEventStore({
        connectionString,
        registry,
        streamPrefix,
        signingKeyPem,
        logger: { log: () => undefined, warn: () => undefined, error: () => undefined },
      });
      prefixes.set(store, streamPrefix);
      return store;
    },
    // No tamper: EventStoreDB cannot change an event after commit. No holdOpenAppend: $all has
    // no sequence gaps (positions are assigned in commit order by the single writer).
  });
} else {
  // No EventStoreDB server can run on this machine; deploy/ starts one. Set
  // EVENTSTORE_CONNECTION_STRING (e.g. esdb://localhost:2113?tls=false) to run the contract suite.
  describe.skip('event store contract: EventStoreDB (EVENTSTORE_CONNECTION_STRING not set)', () => {
    it('runs against a server wherever EVENTSTORE_CONNECTION_STRING is set', () => undefined);
  });
}
