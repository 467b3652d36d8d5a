import { generateKeyPairSync } from 'node:crypto';
import { Client } from 'pg';
import { migrateDatabase } from '@ledger/platform';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { EventStore } from '../port/event-store.port';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { PostgresEventStore } from './postgres-event-store';
import { EventTypeRegistry } from '../registry/event-type-registry';

const signingKeyPem = generateKeyPairSync('ed25519')
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
const databases: TestDatabase[] = [];
const urls = new WeakMap<EventStore, string>();

function pool(store: EventStore) {
  return (store as PostgresEventStore).pool;
}

describeEventStoreContract({
  name: 'PostgreSQL',
  async createStore(registry, sameLogAs) {
    let url = sameLogAs ? urls.get(sameLogAs) : undefined;
    if (!url) {
      const database = await createTestDatabase();
      databases.push(database);
      await migrateDatabase(database.url);
      url = database.url;
    }
    const store = new PostgresEventStore({ connectionString: url, registry, signingKeyPem });
    urls.set(store, url);
    return store;
  },
  async dispose() {
    await Promise.all(databases.map((database) => database.drop()));
  },
  async holdOpenAppend(store, streamId, work) {
    // A writer that has appended but not yet committed: exactly what a slow command looks like.
    const client = new Client({ connectionString: urls.get(store) });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `SELECT * FROM event_store.append($1, 'any', NULL, gen_random_uuid()::text,
           ARRAY[gen_random_uuid()], ARRAY['PartnerJoined'], ARRAY[1], ARRAY['{"name":"slow","sector":"authority"}'::jsonb],
           ARRAY[now()], now(), 'user-slow', 'secretariat', 'slow', NULL, ARRAY[sha256('x')])`,
        [streamId],
      );
      await work();
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
  },
  tamper: {
    async editData(store, streamId, version, data) {
      await pool(store).query(
        'UPDATE event_store.events SET data = $3 WHERE stream_id = $1 AND stream_version = $2',
        [streamId, version, JSON.stringify(data)],
      );
    },
    async deleteEvent(store, streamId, version) {
      await pool(store).query(
        'DELETE FROM event_store.events WHERE stream_id = $1 AND stream_version = $2',
        [streamId, version],
      );
    },
    async swapGlobalPositions(store, a, b) {
      // Three statements, because the unique index on positions is not deferrable.
      await pool(store).query(
        `WITH parked AS (UPDATE event_store.events SET global_position = -1 WHERE global_position = $1)
         SELECT 1`,
        [a],
      );
      await pool(store).query(
        'UPDATE event_store.events SET global_position = $1 WHERE global_position = $2',
        [a, b],
      );
      await pool(store).query(
        'UPDATE event_store.events SET global_position = $1 WHERE global_position = -1',
        [b],
      );
    },
  },
});

/** A store on a fresh, migrated database that knows one event type, PartnerJoined. */
async function partnerStore() {
  const database = await createTestDatabase();
  await migrateDatabase(database.url);
  const store = new PostgresEventStore({
    connectionString: database.url,
    registry: new EventTypeRegistry([{ type: 'PartnerJoined', schemaVersion: 1 }]),
  });
  return { database, store };
}

describe('PostgreSQL event store: sealing waits for appends only', () => {
  it('is not held back by a long transaction that writes something else', async () => {
    const { database, store } = await partnerStore();
    const other = new Client({ connectionString: database.url });
    await other.connect();
    try {
      // A read-model batch, a migration, an operator's session: open, with a transaction id.
      await other.query('BEGIN');
      await other.query('CREATE TABLE public.unrelated (x int)');
      await other.query('INSERT INTO public.unrelated VALUES (1)');
      await store.append(
        'partner-a',
        [{ type: 'PartnerJoined', data: { name: 'a' } }],
        'no_stream',
        {
          commandId: 'c-1',
          actor: { id: 'u', role: 'secretariat' },
        },
      );
      const events = await store.readAll(0, 10);
      expect(events.map((e) => [e.streamId, e.globalPosition])).toEqual([['partner-a', 1]]);
      await other.query('ROLLBACK');
    } finally {
      await other.end();
      await store.close();
      await database.drop();
    }
  });
});

describe('PostgreSQL event store: a reader at the head under a steady stream of appends', () => {
  it('is let through within a seal round or two, not only when the appends pause', async () => {
    const { database, store } = await partnerStore();
    let appending = true;
    let n = 0;
    // An append every 2 ms for as long as the test reads: there is never a quiet moment.
    const writer = (async () => {
      while (appending) {
        const i = n++;
        await Promise.all([
          store.append(
            `partner-${i}`,
            [{ type: 'PartnerJoined', data: { name: `p${i}` } }],
            'no_stream',
            {
              commandId: `c-${i}`,
              actor: { id: 'u', role: 'secretariat' },
            },
          ),
          new Promise((resolve) => setTimeout(resolve, 2)),
        ]);
      }
    })();
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      let position = 0;
      const waits: number[] = [];
      for (let read = 0; read < 10; read++) {
        const started = Date.now();
        const events = await store.readAll(position, 10_000);
        waits.push(Date.now() - started);
        position = events[events.length - 1]?.globalPosition ?? position;
      }
      expect(position).toBeGreaterThan(0);
      // Each read at the head waits for one seal round (5 ms apart), not for the appends to stop.
      expect(Math.max(...waits)).toBeLessThan(500);
    } finally {
      appending = false;
      await writer;
      await store.close();
      await database.drop();
    }
  });
});
