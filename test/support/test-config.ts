import { LedgerConfig, loadLedgerConfig } from '@ledger/platform';

/** The configuration a test app runs with: the given database, quiet logs. */
export function testConfig(databaseUrl: string, overrides: NodeJS.ProcessEnv = {}): LedgerConfig {
  return loadLedgerConfig({
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    ...overrides,
  });
}
