import { LedgerConfig } from '../config/ledger-config';
import { startEmbeddedPostgres } from '../database/embedded-postgres';

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * The database the process will use: the server named by DATABASE_URL, or else the embedded
 * PostgreSQL, started here and stopped by close().
 */
export async function openDatabase(
  config: LedgerConfig,
  log: (line: string) => void = () => undefined,
  role: 'owner' | 'borrower' = 'owner',
): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: false, close: async () => undefined };
  }
  const server = await startEmbeddedPostgres({
    ...config.embeddedPostgres,
    log,
    adoptRunningServer: role === 'owner',
  });
  return { url: server.url, embedded: true, close: () => server.stop() };
}
