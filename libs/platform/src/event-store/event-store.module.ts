import {
  DynamicModule,
  Global,
  Inject,
  Logger,
  Module,
  OnApplicationShutdown,
} from '@nestjs/common';
import {
  EVENT_STORE,
  EventStore,
  EventTypeRegistry,
  PostgresEventStore,
} from '@ledger/event-store';
import { EventStoreDbEventStore } from '@ledger/event-store/eventstoredb';
import { DataSource } from 'typeorm';
import { LedgerConfig } from '../config/ledger-config';
import { loadOrCreateSigningKey } from './signing-key';

export const EVENT_TYPE_REGISTRY = Symbol('EVENT_TYPE_REGISTRY');

/**
 * Provides the EventStore port, on PostgreSQL (the default, same database as the read models)
 * or on EventStoreDB (EVENT_STORE=eventstoredb), chosen once at start-up.
 */
@Global()
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static forRoot(
    config: LedgerConfig,
    databaseUrl: string,
    registry: EventTypeRegistry,
  ): DynamicModule {
    const logger = new Logger('EventStore');
    return {
      module: EventStoreModule,
      providers: [
        { provide: EVENT_TYPE_REGISTRY, useValue: registry },
        {
          provide: EVENT_STORE,
          // Injecting the DataSource makes the store wait for the migrations to have run.
          inject: [DataSource],
          useFactory: async (): Promise<EventStore> => {
            const signingKeyPem = loadOrCreateSigningKey(config.eventStore.signingKeyFile, (m) =>
              logger.log(m),
            );
            if (config.eventStore.kind === 'eventstoredb') {
              return new EventStoreDbEventStore({
                connectionString: config.eventStore.connectionString!,
                registry,
                signingKeyPem,
                logger,
              });
            }
            return new PostgresEventStore({
              connectionString: databaseUrl,
              registry,
              signingKeyPem,
              // Sealing and the LISTEN connection retry by themselves; a failure is worth a line.
              onBackgroundError: (error) =>
                logger.warn(`event store, in the background: ${error.message}`),
            });
          },
        },
      ],
      exports: [EVENT_STORE, EVENT_TYPE_REGISTRY],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
