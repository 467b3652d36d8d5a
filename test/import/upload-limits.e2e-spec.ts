import { MAX_IMPORT_ROWS } from '@ledger/application';
import { readOffThread } from '@ledger/application';
import { readZipDirectory } from '@ledger/application';
import { csv, workbook } from './spreadsheet';
import { deflatedRun, manyRowsXlsx, zip, zipBombXlsx } from './hostile-files';

/**
 * The reader's limits one by one (issue 17, item 7), through the worker thread the API uses;
 * test/import/hostile-uploads.e2e-spec.ts has them all at once against a running API.
 */
describe('the limits of reading an uploaded file', () => {
  const rulesOf = (answer: object) =>
    'problems' in answer
      ? (answer.problems as Array<{ rule: string }>).map((p) => p.rule)
      : 'sheets';

  it('refuses a zip bomb by its declared sizes before inflating anything', () => {
    expect(() => readZipDirectory(zipBombXlsx(300))).toThrow(
      /declares 300\.0 MB unpacked .*at most 200\.0 MB unpacked/,
    );
  });

  it('refuses a part packed more than 250:1, even under the size limit', () => {
    const bomb = zip([{ name: 'xl/workbook.xml', content: deflatedRun(50) }]);
    expect(() => readZipDirectory(bomb)).toThrow(/packed into .* a zip bomb/);
  });

  it('stops a bomb whose headers lie (1 KB declared) once 200 MB are inflated', async () => {
    const started = Date.now();
    const answer = await readOffThread(zipBombXlsx(1500, true), 'boligtal.xlsx');
    expect(rulesOf(answer)).toEqual(['archive-too-large']);
    expect(JSON.stringify(answer)).toContain('unpacks to more than 200.0 MB');
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('stops reading at the first row beyond the limit (xlsx and csv)', async () => {
    const xlsx = await readOffThread(manyRowsXlsx(MAX_IMPORT_ROWS + 1), 'boligtal.xlsx');
    expect(xlsx).toMatchObject({
      problems: [
        { rule: 'too-many-rows', message: expect.stringContaining(`row ${MAX_IMPORT_ROWS + 2}`) },
      ],
    });
    const atLimit = await readOffThread(manyRowsXlsx(MAX_IMPORT_ROWS), 'boligtal.xlsx');
    expect(rulesOf(atLimit)).toBe('sheets');
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => ['2018-Q1', 1]);
    const big = await readOffThread(csv([['periode', 'antal'], ...rows]), 'boligtal.csv');
    expect(rulesOf(big)).toEqual(['too-many-rows']);
  });

  it('reads a workbook as before: Danish letters across chunks, dates, the sheet names', async () => {
    const long = 'æøå'.repeat(30_000);
    const answer = await readOffThread(
      await workbook({
        partnere: [
          ['navn', 'indtrådt'],
          [long, new Date(Date.UTC(2019, 0, 2))],
        ],
        boligtal: [['periode'], ['2018-Q1']],
      }),
      'mixed.xlsx',
    );
    expect(answer).toMatchObject({
      format: 'xlsx',
      sheets: [
        {
          name: 'partnere',
          header: ['navn', 'indtrådt'],
          rows: [{ row: 2, cells: [long, { day: '2019-01-02' }] }],
        },
        { name: 'boligtal', header: ['periode'], rows: [{ row: 2, cells: ['2018-Q1'] }] },
      ],
    });
  });
});
