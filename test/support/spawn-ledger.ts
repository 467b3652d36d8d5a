import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

export interface LedgerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Ctrl-C at a terminal: SIGINT to the whole process group. */
  interrupt(): void;
}

const ROOT = join(__dirname, '..', '..');

/** Starts a built app (`npm run build` first) as its own process, the way `npm start` does. */
export function spawnLedger(
  app: 'api' | 'projector' | 'cli',
  env: NodeJS.ProcessEnv,
  args: string[] = [],
): LedgerProcess {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'dist', 'apps', app, 'src', 'main.js'), ...args],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH, LOG_FORMAT: 'json', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a test can send Ctrl-C the way a terminal does: to the group.
      detached: true,
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return {
    child,
    output: () => output,
    exited,
    interrupt: () => process.kill(-child.pid!, 'SIGINT'),
  };
}

/** Waits until GET url answers 200, or fails with what the process printed. */
export async function waitForHttp(
  url: string,
  proc: LedgerProcess,
  timeoutMs = 60000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) {
      throw new Error(`process exited with ${proc.child.exitCode}:\n${proc.output()}`);
    }
    try {
      const response = await fetch(url);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${proc.output()}`);
}
