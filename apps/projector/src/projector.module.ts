import { DynamicModule, Module } from '@nestjs/common';
import { DatabaseModule, LedgerConfig, LedgerConfigModule, LoggingModule } from '@ledger/platform';

/**
 * The worker that turns the event log into read models. It runs in-process inside the API for
 * the embedded default, and as its own process in a deployment. Projections arrive with the
 * read-model work (issue 6); until then it only connects and migrates.
 */
@Module({})
export class ProjectorModule {
  static forRoot(config: LedgerConfig, databaseUrl: string): DynamicModule {
    return {
      module: ProjectorModule,
      imports: [
        LedgerConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DatabaseModule.forRoot(databaseUrl),
      ],
    };
  }
}
