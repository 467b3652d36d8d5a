import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { loadConfigOrExit, openDatabase, startupLogger } from '@ledger/platform';
import { CliModule } from './cli.module';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = startupLogger(config);
  const database = await openDatabase(config, (line) => log.debug({ postgres: line }));
  try {
    await CommandFactory.run(CliModule.forRoot(config, database.url), {
      logger: ['error', 'warn'],
      errorHandler: (error) => {
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 2;
      },
    });
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
