import {
  DynamicModule,
  Inject,
  Logger,
  Module,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { LEDGER_CONFIG, PersonRegisterModule, type LedgerConfig } from '@ledger/platform';
import { RecordingModule } from '../commands/recording.module';
import { DemoDataSeeder } from './demo-data.seeder';

/** Set by SeedModule.atStartup(): this app may load the seed when it starts. */
const LOAD_AT_STARTUP = Symbol('LOAD_DEMO_DATA_AT_STARTUP');

/**
 * The demo data: `DemoDataSeeder` for whoever asks (`cli seed`, tests). Imported as
 * `SeedModule.atStartup()` (the API), it also loads the seed once when the app starts, if
 * SEED_DEMO_DATA is true and the event log is empty. The CLI imports the plain `SeedModule`:
 * none of its commands (migrate, rebuild, copying a log into an empty store) may seed by itself.
 */
@Module({
  imports: [RecordingModule, PersonRegisterModule],
  providers: [DemoDataSeeder],
  exports: [DemoDataSeeder],
})
export class SeedModule implements OnApplicationBootstrap {
  private readonly log = new Logger('DemoData');

  constructor(
    private readonly seeder: DemoDataSeeder,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(LOAD_AT_STARTUP) private readonly loadAtStartup?: boolean,
  ) {}

  static atStartup(): DynamicModule {
    return { module: SeedModule, providers: [{ provide: LOAD_AT_STARTUP, useValue: true }] };
  }

  /**
   * Runs after the command handlers are registered (CqrsModule is global, so its bootstrap hook
   * runs first) and before the app listens, so the first request already sees the seed.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.loadAtStartup) return;
    if (!this.config.seedDemoData) return;
    if ((await this.store.headPosition()) !== 0) return;
    const started = Date.now();
    const report = await this.seeder.seed();
    this.log.log(
      `loaded the Hjem til Alle demo data into the empty event log: ${report.events} events from ` +
        `${report.recorded} commands (${report.alreadyThere} already there) in ${Date.now() - started} ms; ` +
        'SEED_DEMO_DATA=false skips this',
    );
  }
}
