import {
  DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { ledgerProjections, ProjectionRunner } from '@ledger/read-models';

const RUNNER_OPTIONS = Symbol('RUNNER_OPTIONS');

/** Starts the projector when the application is up and stops it before the event store closes. */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly runner: ProjectionRunner;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(RUNNER_OPTIONS) options: { databaseUrl: string; batchSize: number },
  ) {
    this.runner = new ProjectionRunner({
      connectionString: options.databaseUrl,
      store,
      projections: ledgerProjections(),
      logger: new Logger('Projector'),
      batchSize: options.batchSize,
    });
  }

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}

/**
 * The projector, as its own process (apps/projector) or inside the API (the embedded default).
 * Any number may run: one holds the lease and applies events, the others wait.
 */
@Module({})
export class ProjectorModule {
  static forRoot(databaseUrl: string, batchSize = 1000): DynamicModule {
    return {
      module: ProjectorModule,
      providers: [
        { provide: RUNNER_OPTIONS, useValue: { databaseUrl, batchSize } },
        ProjectorService,
      ],
      exports: [ProjectorService],
    };
  }
}
