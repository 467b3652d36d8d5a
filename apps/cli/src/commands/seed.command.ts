import { Command, CommandRunner } from 'nest-commander';
import { DemoDataSeeder } from '@ledger/application';

/**
 * Loads the Hjem til Alle demo data (apps/api/src/seed) through the ledger's commands, whatever
 * SEED_DEMO_DATA says and whatever the log already holds: every step has its own command id, so
 * what is already there is recorded once only.
 */
@Command({
  name: 'seed',
  description:
    "record the alliance's known history (demo data) through the ledger's commands; loading it again records nothing",
})
export class SeedCommand extends CommandRunner {
  constructor(private readonly seeder: DemoDataSeeder) {
    super();
  }

  async run(): Promise<void> {
    const report = await this.seeder.seed();
    process.stdout.write(
      `demo data: ${report.recorded} command(s) recorded (${report.events} events), ` +
        `${report.alreadyThere} already there\n`,
    );
  }
}
