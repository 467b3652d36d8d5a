import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, migrateDatabase, startEmbeddedPostgres } from '@ledger/platform';

export interface BenchDatabase {
  url: string;
  close(): Promise<void>;
}

/**
 * A fresh database for one benchmark run: a new embedded PostgreSQL in a temporary folder, or a
 * new database on the server named by DATABASE_URL. Migrated, so the event store is ready.
 */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  let url: string;
  let close: () => Promise<void>;
  if (process.env.DATABASE_URL) {
    const admin = process.env.DATABASE_URL;
    const name = `ledger_bench_${Date.now()}`;
    await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}`));
    const parsed = new URL(admin);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    close = async () => {
      await withClient(admin, (c) => c.query(`DROP DATABASE ${name} WITH (FORCE)`));
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-pg-'));
    const server = await startEmbeddedPostgres({
      dataDir: dir,
      port: await freePort(),
      database: 'bench',
    });
    url = server.url;
    close = async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  await migrateDatabase(url);
  return { url, close };
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor((p / 100) * sortedMs.length))];
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
