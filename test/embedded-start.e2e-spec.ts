import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { spawnLedger, waitForHttp } from './support/spawn-ledger';

/**
 * `npm start` on a bare machine: the built API starts the embedded PostgreSQL, migrates, serves,
 * shuts down cleanly on SIGTERM, and a second start finds the data of the first.
 */
describe('the embedded default (no DATABASE_URL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-embedded-'));
  const port = 20000 + Math.floor(Math.random() * 10000);
  const pgPort = port + 1;
  const env = {
    PORT: String(port),
    EMBEDDED_PG_DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
  };
  const pgUrl = `postgres://postgres:postgres@127.0.0.1:${pgPort}/alliance_ledger`;

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts, serves /health, and stops the app and the database on SIGTERM', async () => {
    const first = spawnLedger('api', env);
    await waitForHttp(`http://127.0.0.1:${port}/health`, first);
    const health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as {
      info: { database: { status: string } };
    };
    expect(health.info.database.status).toBe('up');

    // Leave a mark the second start must find.
    await withClient(pgUrl, (c) =>
      c.query(`CREATE TABLE public.start_marker AS SELECT 'first start'::text AS note`),
    );

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('"msg":"stopped"');
    // The database went down with the app: nothing listens on its port any more.
    await expect(withClient(pgUrl, (c) => c.query('SELECT 1'))).rejects.toThrow();

    // Ctrl-C at the terminal reaches the whole process group; the ledger still closes in order.
    const second = spawnLedger('api', env);
    await waitForHttp(`http://127.0.0.1:${port}/health`, second);
    const marker = await withClient(pgUrl, (c) => c.query('SELECT note FROM public.start_marker'));
    expect(marker.rows).toEqual([{ note: 'first start' }]);
    second.interrupt();
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('"msg":"stopped"');
    expect(second.output()).not.toMatch(/Connection terminated|"level":50/);
  });

  it('starts again after being killed outright, on the database it left running', async () => {
    const killed = spawnLedger('api', env);
    await waitForHttp(`http://127.0.0.1:${port}/health`, killed);
    killed.child.kill('SIGKILL');
    await killed.exited;

    const next = spawnLedger('api', env);
    await waitForHttp(`http://127.0.0.1:${port}/health`, next);
    const marker = await withClient(pgUrl, (c) => c.query('SELECT note FROM public.start_marker'));
    expect(marker.rows).toEqual([{ note: 'first start' }]);
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
  });

  it('refuses a bad setting with one line naming it, before starting anything', async () => {
    const bad = spawnLedger('api', { ...env, PORT: 'eighty' });
    expect(await bad.exited).toBe(1);
    expect(bad.output().trim()).toBe('Invalid setting PORT: must be a number (got "eighty")');
  });
});

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  // The server may be stopped under this connection by the test itself; that is not an error here.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
