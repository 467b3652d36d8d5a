import { parse } from 'csv-parse/sync';
import { csvField, toCsv } from './csv';

/** How a spreadsheet with this list separator reads the file: each cell as it would show it. */
function cellsAsReadWith(delimiter: string, csv: string): string[][] {
  return parse(csv, { delimiter, relax_quotes: true, relax_column_count: true });
}

const hostileNames = [
  "Evil;=cmd|' /C calc'!A0;",
  "Evil,=cmd|' /C calc'!A0,",
  'Tab\t=HYPERLINK("http://x")',
  '=1+1',
  '@SUM(A1)',
  '-2+3',
  'plain; text',
  'Line\nbreak',
  'a "quoted" word',
];

describe('CSV export', () => {
  it.each([',', ';', '\t'])(
    'gives no cell that starts a formula, whichever list separator (%j) the spreadsheet uses',
    (delimiter) => {
      const csv = toCsv(
        ['partner', 'homes'],
        hostileNames.map((name) => [name, 3]),
      );
      const rows = cellsAsReadWith(delimiter, csv);
      for (const row of rows.slice(1)) {
        for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
      }
    },
  );

  it('reads back every name whole with the comma it was written with', () => {
    const csv = toCsv(
      ['partner'],
      hostileNames.map((name) => [name]),
    );
    const names = (parse(csv, {}) as string[][]).slice(1).map(([name]) => name);
    expect(names.map((name) => name.replace(/^'/, ''))).toEqual(hostileNames);
  });

  it('quotes a field with a semicolon or a tab, and leaves plain text and numbers bare', () => {
    expect(csvField('KAB; Bo Sammen')).toBe('"KAB; Bo Sammen"');
    expect(csvField('a\tb')).toBe('"a\tb"');
    expect(csvField('Kollegiemodellen')).toBe('Kollegiemodellen');
    expect(csvField(-3)).toBe('-3');
  });
});
