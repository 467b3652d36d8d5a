import { parse } from 'csv-parse/sync';
import { Workbook, ValueType, type Cell, type Worksheet } from 'exceljs';
import type { CellValue } from './cell-values';

/** Largest file the ledger reads (upload and CLI alike); 413 over HTTP. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Most data rows one file may hold. */
export const MAX_IMPORT_ROWS = 50_000;

/** A problem with the file as a whole: nothing of it is imported. */
export interface FileProblem {
  /** `empty-file`, `not-a-spreadsheet`, `file-too-large`, `formula`, `merged-cells`, ... */
  rule: string;
  message: string;
  sheet?: string;
  /** The cell (`C7`) or range (`A3:B3`) at fault, when there is one. */
  cell?: string;
  column?: string;
}

/** The file could not be read as an import; every problem found is named. */
export class UnreadableImport extends Error {
  constructor(readonly problems: FileProblem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'UnreadableImport';
  }
}

export interface SheetRow {
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  cells: CellValue[];
}

export interface Sheet {
  /** The sheet's name (xlsx) or the file's name (csv). */
  name: string;
  header: string[];
  /** The column letters of the header cells (A, B, ...), for the report. */
  letters: string[];
  rows: SheetRow[];
}

export type SpreadsheetFormat = 'xlsx' | 'csv';

/** Reads an .xlsx or .csv file into sheets of rows; refuses formulas and merged cells. */
export async function readSpreadsheet(
  content: Buffer,
  fileName: string,
): Promise<{ format: SpreadsheetFormat; sheets: Sheet[] }> {
  if (content.length === 0) {
    throw new UnreadableImport([{ rule: 'empty-file', message: 'the file is empty' }]);
  }
  if (content.length > MAX_IMPORT_BYTES) {
    throw new UnreadableImport([
      {
        rule: 'file-too-large',
        message: `the file is ${mb(content.length)}; at most ${mb(MAX_IMPORT_BYTES)} is read`,
      },
    ]);
  }
  if (isZip(content)) return { format: 'xlsx', sheets: await readXlsx(content) };
  if (isOle(content)) {
    throw new UnreadableImport([
      {
        rule: 'not-a-spreadsheet',
        message: 'this is an old Excel file (.xls); save it as .xlsx (Excel Workbook) or .csv',
      },
    ]);
  }
  return { format: 'csv', sheets: [readCsv(content, fileName)] };
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function isZip(content: Buffer): boolean {
  return content.length >= 4 && content.readUInt32BE(0) === 0x504b0304;
}

function isOle(content: Buffer): boolean {
  return content.length >= 8 && content.readUInt32BE(0) === 0xd0cf11e0;
}

const notASpreadsheet = (detail: string) =>
  new UnreadableImport([
    {
      rule: 'not-a-spreadsheet',
      message: `the file is not a spreadsheet (.xlsx or .csv): ${detail}`,
    },
  ]);

async function readXlsx(content: Buffer): Promise<Sheet[]> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    throw notASpreadsheet(
      `it could not be opened as an Excel workbook (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const problems: FileProblem[] = [];
  const sheets: Sheet[] = [];
  workbook.eachSheet((worksheet) => {
    const sheet = readWorksheet(worksheet, problems);
    if (sheet) sheets.push(sheet);
  });
  if (problems.length) throw new UnreadableImport(problems);
  if (sheets.length === 0) {
    throw new UnreadableImport([{ rule: 'empty-file', message: 'the workbook has no rows' }]);
  }
  return sheets;
}

function readWorksheet(worksheet: Worksheet, problems: FileProblem[]): Sheet | undefined {
  const name = worksheet.name;
  // The merged ranges as loaded (Worksheet.model would rebuild every row just to list them).
  const merges = Object.values(
    (worksheet as unknown as { _merges: Record<string, { range: string }> })._merges ?? {},
  ).map((merge) => merge.range);
  for (const range of merges) {
    problems.push({
      rule: 'merged-cells',
      sheet: name,
      cell: range,
      message: `sheet ${name}: cells ${range} are merged; unmerge them so each row holds its own values`,
    });
  }
  const rows: Array<{ row: number; cells: CellValue[] }> = [];
  let width = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (cell.type === ValueType.Formula || isFormulaValue(cell.value)) {
        problems.push({
          rule: 'formula',
          sheet: name,
          cell: cell.address,
          message: `sheet ${name}, cell ${cell.address} holds a formula; paste its value instead (formulas are not imported)`,
        });
        return;
      }
      if (cell.type === ValueType.Error) {
        problems.push({
          rule: 'cell-error',
          sheet: name,
          cell: cell.address,
          message: `sheet ${name}, cell ${cell.address} holds an error value`,
        });
        return;
      }
      cells[column - 1] = cellValue(cell);
      width = Math.max(width, column);
    });
    rows.push({ row: rowNumber, cells });
  });
  const filled = rows.filter((r) => r.cells.some((c) => c !== undefined && c !== null && c !== ''));
  if (filled.length === 0) return undefined;
  const [headerRow, ...dataRows] = filled;
  const header = Array.from({ length: width }, (_, i) => textOf(headerRow.cells[i]));
  return {
    name,
    header,
    letters: header.map((_, i) => columnLetter(i)),
    rows: dataRows.map((r) => ({
      row: r.row,
      cells: Array.from({ length: width }, (_, i) => r.cells[i] ?? null),
    })),
  };
}

function isFormulaValue(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value)
  );
}

function cellValue(cell: Cell): CellValue {
  const value = cell.value as unknown;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return typeof value === 'string' ? value.normalize('NFC') : value;
  }
  if (value instanceof Date) {
    // Excel keeps days without a zone; exceljs hands them over as midnight UTC.
    return { day: value.toISOString().slice(0, 10) };
  }
  if (typeof value === 'object' && 'richText' in value) {
    return (value as { richText: Array<{ text: string }> }).richText
      .map((part) => part.text)
      .join('')
      .normalize('NFC');
  }
  if (typeof value === 'object' && 'text' in value) {
    return String((value as { text: unknown }).text).normalize('NFC');
  }
  return cell.text ?? null;
}

function textOf(value: CellValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return value.day;
  return String(value).trim();
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function readCsv(content: Buffer, fileName: string): Sheet {
  const sample = content.subarray(0, 8192);
  if (sample.includes(0)) throw notASpreadsheet('it holds binary data');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    // Excel on Danish Windows saves "CSV (semikolonsepareret)" as Windows-1252.
    text = new TextDecoder('windows-1252').decode(content);
  }
  text = text.replace(/^\uFEFF/, '').normalize('NFC');
  const head = text.slice(0, 8192);
  // Control characters other than tab, line feed and carriage return: a binary file.
  if ([...head].some((c) => c.charCodeAt(0) < 32 && !'\t\n\r\f\v'.includes(c))) {
    throw notASpreadsheet('it holds control characters');
  }
  if (text.trim() === '') {
    throw new UnreadableImport([{ rule: 'empty-file', message: 'the file has no rows' }]);
  }
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
    }) as string[][];
  } catch (error) {
    throw notASpreadsheet(
      `it could not be read as CSV (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const numbered = records
    .map((cells, index) => ({ row: index + 1, cells }))
    .filter((r) => r.cells.some((cell) => cell.trim() !== ''));
  if (numbered.length === 0) {
    throw new UnreadableImport([{ rule: 'empty-file', message: 'the file has no rows' }]);
  }
  const [headerRow, ...dataRows] = numbered;
  const width = Math.max(...numbered.map((r) => r.cells.length));
  const header = Array.from({ length: width }, (_, i) => (headerRow.cells[i] ?? '').trim());
  return {
    name: fileName,
    header,
    letters: header.map((_, i) => columnLetter(i)),
    rows: dataRows.map((r) => ({
      row: r.row,
      cells: Array.from({ length: width }, (_, i) => {
        const cell = r.cells[i];
        return cell === undefined || cell.trim() === '' ? null : cell;
      }),
    })),
  };
}

/** `;` (Danish Excel), `,` or tab: whichever the header line holds most of, outside quotes. */
function delimiterOf(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0].replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best[1] > 0 ? best[0] : ',';
}
