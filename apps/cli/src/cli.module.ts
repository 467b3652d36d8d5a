import { DynamicModule, Module } from '@nestjs/common';
import {
  DatabaseModule,
  EventStoreModule,
  LedgerConfig,
  LedgerConfigModule,
  ledgerEventTypes,
  PersonRegisterModule,
  UsersModule,
} from '@ledger/platform';
import { usersCommands } from './commands/users.command';
import { personsCommands } from './commands/persons.command';
import { MigrateCommand } from './commands/migrate.command';
import { RebuildCommand } from './commands/rebuild.command';
import { SeedCommand } from './commands/seed.command';
import { RecordingModule } from '@ledger/application';
import { SeedModule } from '@ledger/application';
import { AuditService } from '@ledger/application';
import { VerifyCommand } from './commands/verify.command';
import { ReplayCommand } from './commands/replay.command';
import { ExportCommand } from './commands/export.command';
import { ExplainCommand } from './commands/explain.command';
import { ReportCommand } from './commands/report.command';
import { ImportCommand } from './commands/import.command';
import { ImportServiceModule } from '@ledger/application';

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
        // `cli seed`: the API's commands, and the seed without its start-up hook.
        RecordingModule,
        SeedModule,
        // `cli users ...`, `cli persons forget` (issue 9).
        UsersModule,
        PersonRegisterModule,
        // `cli import`: the secretariat's spreadsheets (issue 11).
        ImportServiceModule,
      ],
      providers: [
        ...usersCommands,
        ...personsCommands,
        MigrateCommand,
        RebuildCommand,
        SeedCommand,
        // The auditor's toolkit (shared with the API's /audit endpoints).
        AuditService,
        VerifyCommand,
        ReplayCommand,
        ExportCommand,
        ExplainCommand,
        ReportCommand,
        ImportCommand,
      ],
    };
  }
}
