import { DynamicModule, Module } from '@nestjs/common';
import {
  DatabaseModule,
  EventStoreModule,
  LedgerConfig,
  LedgerConfigModule,
  ledgerEventTypes,
  LoggingModule,
} from '@ledger/platform';
import { HealthModule } from './health/health.module';

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
      ],
    };
  }
}
