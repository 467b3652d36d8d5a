import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnLedger } from '../support/spawn-ledger';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { csv, readWorkbook } from './spreadsheet';

/** `npm run cli -- import` (the built CLI: `npm run build` first, as `npm test` does). */
describe('cli import', () => {
  let database: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'ledger-import-cli-'));

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  async function cli(...args: string[]): Promise<{ code: number | null; output: string }> {
    const run = spawnLedger(
      'cli',
      {
        DATABASE_URL: database.url,
        SIGNING_KEY_FILE: join(dir, 'key.pem'),
        LOG_LEVEL: 'warn',
      },
      args,
    );
    const code = await run.exited;
    return { code, output: run.output() };
  }

  it('writes a template, checks, applies, and records nothing the second time', async () => {
    const template = join(dir, 'partners.xlsx');
    expect(await cli('import', '--template', 'partners', '--out', template)).toMatchObject({
      code: 0,
    });
    const book = await readWorkbook(readFileSync(template));
    expect((book.getWorksheet('partners')!.getRow(1).values as unknown[]).slice(1)).toEqual([
      'partner id',
      'name',
      'sector',
      'municipality',
      'joined',
    ]);

    const file = join(dir, 'partnere.csv');
    writeFileSync(
      file,
      csv([
        ['navn', 'sektor', 'kommune', 'indtrådt'],
        ['Ærø Kommune', 'Myndigheder', 'Ærø', '15-05-2018'],
        ['Sønderborg Kommune', 'authority', 'Sønderborg', '2019-03-01'],
      ]),
    );
    const dry = await cli('import', file, '--dry-run');
    expect(dry).toMatchObject({ code: 0 });
    expect(dry.output).toContain(
      'row 2: accepted — partner aeroe-kommune joins (authority) on 2018-05-15',
    );
    expect(dry.output).toContain('nothing was recorded');

    const applied = await cli('import', file);
    expect(applied).toMatchObject({ code: 0 });
    expect(applied.output).toContain(
      '2 row(s) recorded (2 events), 0 already recorded (duplicate)',
    );

    const again = await cli('import', file);
    expect(again).toMatchObject({ code: 0 });
    expect(again.output).toContain('0 row(s) recorded (0 events), 2 already recorded (duplicate)');
  });

  it('exits with 1 and records nothing for a rejected row or an unreadable file', async () => {
    const file = join(dir, 'partners.csv');
    writeFileSync(
      file,
      csv([
        ['name', 'sector', 'joined'],
        ['Ny Fond', 'foundation', '2020-01-01'],
        ['Uden Sektor', 'rocket science', '31-02-2020'],
      ]),
    );
    const refused = await cli('import', file);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('row 3, column sector: must be one of');
    expect(refused.output).toContain('row 3, column joined: must be a real date');
    expect(refused.output).toContain('nothing was recorded');

    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const unreadable = await cli('import', empty, '--kind', 'partners');
    expect(unreadable.code).toBe(1);
    expect(unreadable.output).toContain('the file is empty');

    const dry = await cli('import', file, '--dry-run', '--json');
    expect(dry.code).toBe(1);
    const report = JSON.parse(dry.output.slice(dry.output.indexOf('{\n  "file"')));
    expect(report.summary).toMatchObject({ rows: 2, accepted: 1, rejected: 1, recorded: 0 });
  });
});
