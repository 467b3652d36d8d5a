import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LedgerConfig, loadLedgerConfig } from '@ledger/platform';

/** The configuration a test app runs with: the given database, quiet logs, a throwaway key. */
export function testConfig(databaseUrl: string, overrides: NodeJS.ProcessEnv = {}): LedgerConfig {
  return loadLedgerConfig({
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    SEED_DEMO_DATA: 'false',
    SIGNING_KEY_FILE: join(tmpdir(), `ledger-test-key-${process.pid}-${Date.now()}.pem`),
    JWT_SECRET_FILE: join(tmpdir(), `ledger-test-jwt-${process.pid}-${Date.now()}`),
    // Tests send hundreds of requests a minute from one address; test/auth checks the limits.
    RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    // Likewise hundreds of failed logins on one name (test/auth/bad-input); login-lockout tests it.
    LOGIN_LOCK_AFTER_FAILURES: '1000',
    ...overrides,
  });
}
