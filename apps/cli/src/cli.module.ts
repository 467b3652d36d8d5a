import { DynamicModule, Module } from '@nestjs/common';
import { DatabaseModule, LedgerConfig, LedgerConfigModule } from '@ledger/platform';
import { MigrateCommand } from './commands/migrate.command';

/** Operator and auditor commands. */
@Module({})
export class CliModule {
  static forRoot(config: LedgerConfig, databaseUrl: string): DynamicModule {
    return {
      module: CliModule,
      imports: [LedgerConfigModule.forRoot(config), DatabaseModule.forRoot(databaseUrl)],
      providers: [MigrateCommand],
    };
  }
}
