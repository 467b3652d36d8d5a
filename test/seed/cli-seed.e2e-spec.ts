import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hjemTilAlleSeed } from '@ledger/application';
import { spawnLedger } from '../support/spawn-ledger';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** `npm run cli -- seed` (the built CLI, `npm run build` first, as `npm test` does). */
describe('cli seed', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  async function seed(): Promise<string> {
    const cli = spawnLedger(
      'cli',
      {
        DATABASE_URL: database.url,
        SIGNING_KEY_FILE: join(tmpdir(), `ledger-cli-seed-key-${process.pid}.pem`),
        LOG_LEVEL: 'warn',
      },
      ['seed'],
    );
    const code = await cli.exited;
    expect({ code, output: cli.output() }).toEqual({ code: 0, output: expect.any(String) });
    return cli.output();
  }

  it('loads the demo data, and a second time records nothing', async () => {
    const steps = hjemTilAlleSeed.length;
    expect(await seed()).toMatch(
      new RegExp(`demo data: ${steps} command\\(s\\) recorded \\(\\d+ events\\), 0 already there`),
    );
    expect(await seed()).toContain(
      `demo data: 0 command(s) recorded (0 events), ${steps} already there`,
    );
  });
});
