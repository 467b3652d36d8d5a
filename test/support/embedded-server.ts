import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const MODULE = join(
  __dirname,
  '..',
  '..',
  'dist',
  'libs',
  'platform',
  'src',
  'database',
  'embedded-postgres.js',
);

/**
 * Starts (or, with `stop`, stops) an embedded PostgreSQL of a test's own, through the built
 * module in a short-lived node process: the package is an ES module, which jest's CommonJS mode
 * cannot import, and pg_ctl keeps the server running after that process has exited.
 * Resolves with the server's URL.
 */
export async function embeddedServer(
  dataDir: string,
  port: number,
  action: 'start' | 'stop' = 'start',
): Promise<string> {
  const script = `
    const { startEmbeddedPostgres } = require(${JSON.stringify(MODULE)});
    startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, adoptRunningServer: true })
      .then(async (server) => {
        if (${JSON.stringify(action)} === 'stop') await server.stop();
        process.stdout.write(server.url);
      })
      .catch((error) => { process.stderr.write(error.message); process.exit(1); });`;
  const { stdout } = await run(process.execPath, ['-e', script], { env: process.env });
  return stdout.trim();
}
