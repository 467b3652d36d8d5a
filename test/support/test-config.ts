import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LedgerConfig, loadLedgerConfig } from '@ledger/platform';

/** The configuration a test app runs with: the given database, quiet logs, a throwaway key. */
export function testConfig(databaseUrl: string, overrides: NodeJS.ProcessEnv = {}): LedgerConfig {
  return loadLedgerConfig({
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    SIGNING_KEY_FILE: join(tmpdir(), `ledger-test-key-${process.pid}-${Date.now()}.pem`),
    ...overrides,
  });
}
