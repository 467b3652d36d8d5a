import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { startEmbeddedPostgres } from '../../libs/platform/src/database/embedded-postgres';

declare global {
  var __LEDGER_TEST_POSTGRES__: { stop(): Promise<void> } | undefined;
}

/**
 * Starts one real PostgreSQL for the whole test run, unless DATABASE_URL names a server to use.
 * Test files read TEST_ADMIN_DATABASE_URL and create a database of their own from it.
 */
export default async function globalSetup(): Promise<void> {
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
