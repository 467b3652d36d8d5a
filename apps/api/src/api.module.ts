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
import { AuthModule } from './auth/auth.module';
import { PersonsModule } from './persons/persons.module';
import { AuditModule } from './audit/audit.module';
import { SeedModule } from '@ledger/application';
import { PublicModule } from './public/public.module';
import { ImportsModule } from './imports/imports.module';

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
        // Login, tokens, and the global guards: rate limits, then token and @Roles (issue 9).
        AuthModule,
        PersonsModule,
        HealthModule,
        QueriesModule,
        CommandsModule,
        AuditModule,
        // GET /public/summary for the dashboard's public page (no log-in; small counts suppressed).
        PublicModule,
        // POST /imports, GET /imports/templates/:kind: the secretariat's spreadsheets (issue 11).
        ImportsModule,
        // Loads the demo data once into an empty log when SEED_DEMO_DATA is true.
        SeedModule.atStartup(),
        // The embedded default runs the projector here; a deployment runs apps/projector instead.
        ...(config.projector === 'in-process'
          ? [ProjectorModule.forRoot(databaseUrl, config.projectorBatchSize)]
          : []),
      ],
    };
  }
}
