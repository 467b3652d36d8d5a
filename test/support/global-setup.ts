import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../libs/platform/src/database/embedded-postgres';
import { freePort } from '../../libs/platform/src/database/free-port';
import { ensureChromium } from './chromium';

declare global {
  var __LEDGER_TEST_POSTGRES__: { stop(): Promise<void> } | undefined;
}

/**
 * Starts one real PostgreSQL for the whole test run, unless DATABASE_URL names a server to use.
 * Test files read TEST_ADMIN_DATABASE_URL and create a database of their own from it.
 */
export default async function globalSetup(): Promise<void> {
  ensureChromium();
  if (process.env.DATABASE_URL) {
    process.env.TEST_ADMIN_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-test-pg-'));
  const server = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    database: 'postgres',
  });
  globalThis.__LEDGER_TEST_POSTGRES__ = server;
  process.env.TEST_ADMIN_DATABASE_URL = server.url;
}
