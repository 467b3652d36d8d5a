import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * CPU seconds used so far by this process and by every PostgreSQL process on the machine (from
 * /proc; 0 where there is none): where a benchmark's time went on a machine with two cores.
 */
export function cpuSeconds(): { node: number; postgres: number } {
  const usage = process.cpuUsage();
  return { node: (usage.user + usage.system) / 1e6, postgres: postgresCpuSeconds() };
}

/** CPU seconds used so far by another process (from /proc/<pid>/stat), all its threads. */
export function processCpuSeconds(pid: number): number {
  return clockTicks(readFileSync(`/proc/${pid}/stat`, 'utf8'), false) / 100;
}

/** utime + stime from a /proc/<pid>/stat line, and with `children` cutime + cstime too. */
function clockTicks(stat: string, children: boolean): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const own = Number(fields[11]) + Number(fields[12]);
  return children ? own + Number(fields[13]) + Number(fields[14]) : own;
}

function postgresCpuSeconds(): number {
  let ticks = 0;
  try {
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        if (!stat.includes('(postgres)')) continue;
        // With the children's time: the postmaster collects the time of the backends and
        // workers that have ended, so the sum never goes down.
        ticks += clockTicks(stat, true);
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    // no /proc here
  }
  return ticks / 100;
}

/**
 * With BENCH_PROFILE=<file>, a V8 CPU profile of `work` alone (not the load before it) is written
 * there, to open in Chrome's DevTools; without it, `work` just runs.
 */
export async function profiled<T>(work: () => Promise<T>): Promise<T> {
  const file = process.env.BENCH_PROFILE;
  if (!file) return work();
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}
