import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { closeOnSignals, loadConfigOrExit, openDatabase, startupLogger } from '@ledger/platform';
import { ProjectorAppModule } from './projector-app.module';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = startupLogger(config);
  const database = await openDatabase(config, (line) => log.debug({ postgres: line }));
  const app = await NestFactory.createApplicationContext(
    ProjectorAppModule.forRoot(config, database.url),
    {
      bufferLogs: true,
    },
  );
  app.useLogger(app.get(Logger));
  closeOnSignals(log, [() => app.close(), () => database.close()]);
  log.info('the projector is running');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The projector could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
