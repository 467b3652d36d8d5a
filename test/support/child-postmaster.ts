import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * The PostgreSQL server of an existing data directory, run as a child of this process with the
 * command line it was last started with (`postmaster.opts`), so that a test can kill it with
 * SIGKILL and start it again at once on the same directory and port.
 *
 * Why not pg_ctl, as the ledger itself does: pg_ctl leaves the server to the init process, and a
 * killed server stays a zombie until init reaps it; the next server sees its pid still "alive" in
 * the lock file and refuses to start (seconds here). A child of this process is reaped at once.
 */
export class ChildPostmaster {
  private child: ChildProcess | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly url: string,
  ) {}

  /** Starts the server; resolves when it accepts connections (then the database is back). */
  async start(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const [command, ...args] = commandLine(this.dataDir);
    // As root, run as the data directory's owner (PostgreSQL refuses to run as root).
    const owner = process.getuid?.() === 0 ? statSync(this.dataDir) : undefined;
    while (Date.now() < deadline) {
      const child = spawn(command, args, {
        uid: owner?.uid,
        gid: owner?.gid,
        stdio: 'ignore',
      });
      this.child = child;
      const exited = once(child, 'exit');
      while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) {
        if (await this.accepts()) return;
        await sleep(50);
      }
      // It gave up (the killed server's backends still held its shared memory): try again.
      await exited;
      await sleep(100);
    }
    throw new Error(`PostgreSQL in ${this.dataDir} did not start within ${timeoutMs} ms`);
  }

  /** kill -9 of the postmaster (its pid from line 1 of postmaster.pid), as a crash does. */
  async kill(): Promise<void> {
    const pid = Number(readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const child = this.child;
    process.kill(pid, 'SIGKILL');
    if (child && child.pid === pid && child.exitCode === null && child.signalCode === null) {
      await once(child, 'exit');
    }
  }

  /** A fast shutdown (SIGINT), as at the end of a test. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGINT');
    await once(child, 'exit');
  }

  private async accepts(): Promise<boolean> {
    const client = new Client({ connectionString: this.url, connectionTimeoutMillis: 1000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false; // not listening yet, or "the database system is starting up"
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/** postmaster.opts: the server's path, then each argument in double quotes. */
function commandLine(dataDir: string): string[] {
  const text = readFileSync(join(dataDir, 'postmaster.opts'), 'utf8').trim();
  const command = text.slice(0, text.indexOf(' '));
  const args = [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
  return [command, ...args];
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
