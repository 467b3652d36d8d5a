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
import { HealthModule } from './health/health.module';
import { QueriesModule } from './queries/queries.module';
import { CommandsModule } from './commands/commands.module';

@Module({})
export class ApiModule {
  static forRoot(config: LedgerConfig, databaseUrl: string): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        LedgerConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DatabaseModule.forRoot(databaseUrl),
        EventStoreModule.forRoot(config, databaseUrl, ledgerEventTypes()),
        HealthModule,
        QueriesModule,
        CommandsModule,
        // The embedded default runs the projector here; a deployment runs apps/projector instead.
        ...(config.projector === 'in-process'
          ? [ProjectorModule.forRoot(databaseUrl, config.projectorBatchSize)]
          : []),
      ],
    };
  }
}
