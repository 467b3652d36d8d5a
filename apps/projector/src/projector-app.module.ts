import { DynamicModule, Module } from '@nestjs/common';
import {
  DatabaseModule,
  EventStoreModule,
  LedgerConfig,
  LedgerConfigModule,
  ledgerEventTypes,
  LoggingModule,
  ProjectorModule,
} from '@ledger/platform';

/**
 * The projector as its own process, for a deployment where the API runs with PROJECTOR=off.
 * Several may run; one holds the lease and the others wait to take over.
 */
@Module({})
export class ProjectorAppModule {
  static forRoot(config: LedgerConfig, databaseUrl: string): DynamicModule {
    return {
      module: ProjectorAppModule,
      imports: [
        LedgerConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DatabaseModule.forRoot(databaseUrl),
        EventStoreModule.forRoot(config, databaseUrl, ledgerEventTypes()),
        ProjectorModule.forRoot(databaseUrl, config.projectorBatchSize),
      ],
    };
  }
}
