import 'reflect-metadata';
import { closeOnSignals, loadConfigOrExit, openDatabase, startupLogger } from '@ledger/platform';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = startupLogger(config);
  if (!config.databaseUrl) {
    log.info({ dataDir: config.embeddedPostgres.dataDir }, 'starting the embedded PostgreSQL');
  }
  const database = await openDatabase(config, (line) => log.debug({ postgres: line }));
  let app;
  try {
    app = await createApiApp(config, database.url);
    await app.listen(config.port);
  } catch (error) {
    await database.close();
    throw error;
  }
  const running = app;
  closeOnSignals(log, [() => running.close(), () => database.close()]);
  log.info(
    { port: config.port, embeddedDatabase: database.embedded },
    `the alliance ledger is serving http://localhost:${config.port} (API docs at /docs)`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The alliance ledger could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
