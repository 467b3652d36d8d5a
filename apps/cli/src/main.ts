import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { loadConfigOrExit, openDatabase, startupLogger } from '@ledger/platform';
import { CliModule } from './cli.module';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = startupLogger(config);
  // The CLI borrows an embedded database the API is running, and never stops it.
  const database = await openDatabase(config, (line) => log.debug({ postgres: line }), 'borrower');
  try {
    await CommandFactory.run(CliModule.forRoot(config, database.url), {
      logger: ['error', 'warn'],
      // Bad usage (unknown option, missing argument) and failures in a command both end with a
      // message and a non-zero exit code.
      errorHandler: (error) => {
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 2;
      },
      serviceErrorHandler: (error) => {
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 1;
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
