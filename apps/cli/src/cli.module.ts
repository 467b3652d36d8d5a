import { DynamicModule, Module } from '@nestjs/common';
import {
  DatabaseModule,
  EventStoreModule,
  LedgerConfig,
  LedgerConfigModule,
  ledgerEventTypes,
} from '@ledger/platform';
import { MigrateCommand } from './commands/migrate.command';
import { RebuildCommand } from './commands/rebuild.command';

/** Operator and auditor commands. */
@Module({})
export class CliModule {
  static forRoot(config: LedgerConfig, databaseUrl: string): DynamicModule {
    return {
      module: CliModule,
      imports: [
        LedgerConfigModule.forRoot(config),
        DatabaseModule.forRoot(databaseUrl),
        EventStoreModule.forRoot(config, databaseUrl, ledgerEventTypes()),
      ],
      providers: [MigrateCommand, RebuildCommand],
    };
  }
}
