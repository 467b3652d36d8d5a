import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase } from '@ledger/platform';
import { spawnLedger } from '../support/spawn-ledger';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** `npm run cli -- users ...` (the built CLI, as `npm test` builds it). */
describe('cli users', () => {
  let database: TestDatabase;
  const env = () => ({
    DATABASE_URL: database.url,
    SIGNING_KEY_FILE: join(tmpdir(), `ledger-users-cli-key-${process.pid}.pem`),
    LOG_LEVEL: 'warn',
  });
  async function cli(...args: string[]): Promise<{ code: number | null; output: string }> {
    const run = spawnLedger('cli', env(), args);
    return { code: await run.exited, output: run.output() };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await migrateDatabase(database.url);
  });
  afterAll(() => database?.drop());

  it('adds a user and prints a generated password once', async () => {
    const added = await cli('users', 'add', 'anna', '--role', 'secretariat');
    expect(added.code).toBe(0);
    expect(added.output).toMatch(/added anna \(secretariat\), user id [0-9a-f-]{36}/);
    expect(added.output).toMatch(/password: \S{32}\n\(shown only this once/);
  });

  it('reads the password from stdin with --password-stdin, and refuses a short one', async () => {
    const child = spawn(
      process.execPath,
      ['dist/apps/cli/src/main.js', 'users', 'add', 'bo', '--role', 'board', '--password-stdin'],
      { cwd: join(__dirname, '..', '..'), env: { PATH: process.env.PATH, ...env() } },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdin.end('a long enough passphrase\n');
    const [code] = await once(child, 'exit');
    expect({ code, output }).toEqual({
      code: 0,
      output: expect.stringContaining('added bo (board)'),
    });
    expect(output).not.toContain('password:');

    const short = spawn(
      process.execPath,
      ['dist/apps/cli/src/main.js', 'users', 'add', 'cy', '--role', 'board', '--password-stdin'],
      { cwd: join(__dirname, '..', '..'), env: { PATH: process.env.PATH, ...env() } },
    );
    let refused = '';
    short.stderr.on('data', (chunk) => (refused += chunk));
    short.stdin.end('short\n');
    expect((await once(short, 'exit'))[0]).toBe(1);
    expect(refused).toContain('at least 12 characters');
  });

  it('refuses an unknown role and a taken username', async () => {
    const role = await cli('users', 'add', 'dan', '--role', 'root');
    expect(role.code).toBe(1);
    expect(role.output).toContain('role must be one of secretariat, board, auditor, admin');
    const taken = await cli('users', 'add', 'anna', '--role', 'board');
    expect(taken.code).toBe(1);
    expect(taken.output).toContain('a user named anna already exists');
  });

  it('lists and disables users', async () => {
    expect((await cli('users', 'disable', 'anna')).output).toContain('disabled anna');
    const list = await cli('users', 'list');
    expect(list.code).toBe(0);
    expect(list.output).toMatch(/anna\s+secretariat\s+[0-9a-f-]{36}\s+created \S+\s+DISABLED/);
    expect(list.output).toMatch(/bo\s+board\s+[0-9a-f-]{36}\s+created \S+\s+active/);
    expect(list.output).not.toMatch(/argon2/);
  });
});
