import { Workbook } from 'exceljs';

/** A cell as a test writes it: a value, a date, or a formula. */
export type TestCell =
  string | number | boolean | Date | null | { formula: string; result?: unknown };

/** An .xlsx workbook with these sheets (header row first), built with exceljs as Excel would save it. */
export async function workbook(
  sheets: Record<string, TestCell[][]>,
  shape?: (book: Workbook) => void,
): Promise<Buffer> {
  const book = new Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row as unknown[]);
  }
  shape?.(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A CSV file as Danish Excel saves it: `;` between cells, UTF-8 with a byte-order mark. */
export function csv(rows: Array<Array<string | number>>, delimiter = ';'): Buffer {
  const cell = (value: string | number) => {
    const text = String(value);
    return /[;,"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return Buffer.from(
    `\uFEFF${rows.map((r) => r.map(cell).join(delimiter)).join('\r\n')}\r\n`,
    'utf8',
  );
}

/** Reads a workbook back (for templates). */
export async function readWorkbook(content: Buffer): Promise<Workbook> {
  const book = new Workbook();
  await book.xlsx.load(content as unknown as ArrayBuffer);
  return book;
}
