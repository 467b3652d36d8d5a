import { DynamicModule, Module } from '@nestjs/common';
import { DatabaseModule, LedgerConfig, LedgerConfigModule, LoggingModule } from '@ledger/platform';
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
        HealthModule,
      ],
    };
  }
}
