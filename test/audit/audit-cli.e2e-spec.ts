import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { PostgresEventStore, signDigest } from '@ledger/event-store';
import { ledgerEventTypes, loadOrCreateSigningKey, migrateDatabase } from '@ledger/platform';
import { catchUp, ledgerProjections } from '@ledger/read-models';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { LedgerEvents } from '../support/ledger-events';
import { spawnLedger } from '../support/spawn-ledger';
import { recordRealisticLedger } from './audit-data';

/** The auditor's commands, run as an auditor runs them: the built CLI in its own process. */
describe('the auditor’s CLI (verify, replay, export, explain, report)', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let pool: Pool;
  const dir = mkdtempSync(join(tmpdir(), 'ledger-audit-'));
  const keyFile = join(dir, 'signing-key.pem');

  beforeAll(async () => {
    database = await createTestDatabase();
    await migrateDatabase(database.url);
    store = new PostgresEventStore({
      connectionString: database.url,
      registry: ledgerEventTypes(),
      signingKeyPem: loadOrCreateSigningKey(keyFile, () => undefined),
    });
    pool = new Pool({ connectionString: database.url, max: 2 });
    await recordRealisticLedger(new LedgerEvents(store));
    await store.flush();
    await catchUp(store, pool, ledgerProjections());
  });

  afterAll(async () => {
    await store?.close();
    await pool?.end();
    await database?.drop();
  });

  async function cli(...args: string[]): Promise<{ code: number | null; output: string }> {
    const proc = spawnLedger(
      'cli',
      { DATABASE_URL: database.url, SIGNING_KEY_FILE: keyFile, LOG_LEVEL: 'warn' },
      args,
    );
    const code = await proc.exited;
    return { code, output: proc.output() };
  }

  async function liveState(): Promise<string> {
    const tables = [
      'housing_report',
      'housing_count_change',
      'seat_period',
      'partner',
      'projection_checkpoint',
    ];
    const parts = await Promise.all(
      tables.map(async (t) =>
        JSON.stringify((await pool.query(`SELECT * FROM read_models.${t} ORDER BY 1`)).rows),
      ),
    );
    return parts.join('\n');
  }

  it('verify: exit code 0 and a short OK verdict on an intact ledger', async () => {
    const { code, output } = await cli('verify');
    expect(output).toMatch(
      /^OK: 27 events in \d+ streams, hash chains intact up to position 27; 12 read-model tables equal a fresh replay up to position 27/m,
    );
    expect(code).toBe(0);
  });

  it('replay: reports as of a date and as known on a date from a scratch schema, the live read models untouched', async () => {
    const before = await liveState();
    const out = join(dir, 'replay-2019.json');
    const { code, output } = await cli(
      'replay',
      '--until',
      '2019-12-31',
      '--as-known-on',
      '2030-01-01',
      '--out',
      out,
    );
    expect(output).toMatch(/wrote the reports as of 2019-12-31/);
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    // r1 16 + r2 2 + r3 5 + r4 retracted + r5 8 + r6 11 (its corrections happened in 2020)
    expect(report.progress.homes).toBe(16 + 2 + 5 + 8 + 11);
    expect(report.progress.byYear).toEqual([
      { year: 2018, homes: 18, cumulative: 18 },
      { year: 2019, homes: 24, cumulative: 42 },
    ]);
    expect(report.composition.bodies.board).toEqual([
      expect.objectContaining({ personId: 'anna', role: 'chair' }),
    ]);
    expect(report.partners.map((p: { partnerId: string }) => p.partnerId).sort()).toEqual([
      'aarhus-kommune',
      'bikubenfonden',
      'koebenhavns-kommune',
      'roede-kors',
    ]);
    // As known before anything was recorded: nothing at all.
    const text = await cli('replay', '--until', '2019-12-31', '--as-known-on', '2000-01-01');
    expect(text.code).toBe(0);
    expect(text.output).toMatch(/Progress: 0 homes/);
    const readable = await cli('replay', '--until', '2018-12-31');
    expect(readable.output).toMatch(/Progress: 20 homes of 2300/);
    expect(readable.output).toMatch(
      /board:\s+chair: anna \(bikubenfonden\) since 2018-04-20\s+member: bo/,
    );
    expect(await liveState()).toBe(before);
    const scratch = await pool.query(
      `SELECT 1 FROM pg_namespace WHERE nspname LIKE 'audit_scratch_%'`,
    );
    expect(scratch.rowCount).toBe(0);
  });

  it('export: NDJSON of the filtered log with a digest that verify --against accepts', async () => {
    const out = join(dir, 'housing.ndjson');
    const digestFile = join(dir, 'housing-digest.json');
    const { code, output } = await cli(
      'export',
      '--type',
      'HomesReported',
      '--from',
      '2000-01-01',
      '--out',
      out,
      '--digest',
      digestFile,
    );
    expect(output).toMatch(/exported 9 events/);
    expect(code).toBe(0);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(9);
    expect(lines[0]).toMatchObject({
      type: 'HomesReported',
      streamVersion: 1,
      actor: { id: 'test-secretariat' },
    });
    const digest = JSON.parse(readFileSync(digestFile, 'utf8'));
    expect(digest).toMatchObject({
      count: 9,
      lastGlobalHash: lines[8].globalHash,
      filters: { type: 'HomesReported' },
    });
    const checked = await cli('verify', '--against', digestFile);
    expect(checked.output).toMatch(/^OK: .*\| digest of 27 events up to position 27 .* holds/m);
    expect(checked.code).toBe(0);

    // Tampered digest fields: the signature no longer covers them.
    const tampered = join(dir, 'tampered.json');
    writeFileSync(tampered, JSON.stringify({ ...digest, signed: { ...digest.signed, count: 26 } }));
    const refused = await cli('verify', '--against', tampered);
    expect(refused.output).toMatch(
      /REFUSED digest: the signature does not cover these digest fields/,
    );
    expect(refused.code).not.toBe(0);
  });

  it('explain and report: the figure recomputed from its events; CSV for the board', async () => {
    const explained = await cli(
      'explain',
      'homes-by-year',
      '--key',
      '2019',
      '--as-of',
      '2019-12-31',
    );
    expect(explained.output).toMatch(/recomputed from the \d+ events below: 24 \(matches\)/);
    expect(explained.output).toMatch(
      /#\d+ HousingCountRetracted housing-report-r4@2 .*\[counted\]/,
    );
    expect(explained.code).toBe(0);
    const csv = await cli('report', 'progress', '--as-of', '2019-12-31', '--format', 'csv');
    expect(csv.output.split('\r\n')[1]).toMatch(/^total,homes,all homes counted,42,42,2019-12-31,/);
    expect(csv.code).toBe(0);
    const timeline = await cli('report', 'timeline', '--as-of', '2019-12-31', '--format', 'json');
    expect(JSON.parse(timeline.output).entries).toHaveLength(5);
  });

  describe('bad input: a clear message, exit code not 0, nothing written', () => {
    it.each([
      [['replay', '--until', '2019-02-30'], /--until: must be a date/],
      [['replay'], /--until: is required/],
      [
        ['export', '--from', '2019-12-31', '--to', '2019-01-01', '--out', 'NOFILE'],
        /to: must not be before from .*backwards/,
      ],
      [
        ['export', '--stream', 'partner-nobody', '--out', 'NOFILE'],
        /stream "partner-nobody" is not in the log/,
      ],
      [
        ['export', '--type', 'HomesInvented', '--out', 'NOFILE'],
        /type: "HomesInvented" is not an event type/,
      ],
      [['report', 'progress', '--as-of', 'last tuesday'], /--as-of: must be a date/],
      [['explain', 'homes-by-initiative'], /key: is required/],
      [['verify', '--against', 'NOFILE'], /--against: cannot read/],
    ])('%j', async (args, message) => {
      const file = join(dir, `bad-${Date.now()}.out`);
      const { code, output } = await cli(...args.map((a) => (a === 'NOFILE' ? file : a)));
      expect(output).toMatch(message);
      expect(code).not.toBe(0);
      expect(existsSync(file)).toBe(false);
    });

    it('refuses a digest from another log', async () => {
      const other = new PostgresEventStore({
        connectionString: database.url,
        registry: ledgerEventTypes(),
        signingKeyPem: loadOrCreateSigningKey(join(dir, 'other-key.pem'), () => undefined),
      });
      const foreign = await other.signedDigest();
      await other.close();
      const file = join(dir, 'foreign.json');
      // Another ledger of 27 events whose chain ends elsewhere, signed by its own key.
      writeFileSync(
        file,
        JSON.stringify(
          signDigest(
            {
              count: 27,
              lastPosition: 27,
              lastGlobalHash: 'ab'.repeat(32),
              createdAt: foreign.createdAt,
            },
            readFileSync(join(dir, 'other-key.pem'), 'utf8'),
          ),
        ),
      );
      const { code, output } = await cli('verify', '--against', file);
      expect(output).toMatch(
        /REFUSED digest: .*another key|REFUSED digest: at position 27 the log's chain hash is/,
      );
      expect(output).toMatch(/this digest is from another log/);
      expect(code).not.toBe(0);
    });
  });
});
