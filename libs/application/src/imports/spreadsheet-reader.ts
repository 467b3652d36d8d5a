import { parse } from 'csv-parse/sync';
import { ValueType, type Cell, type Row } from 'exceljs';
import type { CellValue } from './cell-values';
import { type FileProblem, UnreadableImport } from './import-problems';
import { InflateBudget, openEntry, readZipDirectory, type ZipEntry } from './zip-archive';

export { type FileProblem, UnreadableImport } from './import-problems';

/* eslint-disable @typescript-eslint/no-require-imports -- exceljs's streaming parts, not in its typings */
// The streaming reader of exceljs, fed from our own bounded zip entries (zip-archive.ts) rather
// than its own unzipper stream, which trusts the archive and spills sheets to temporary files.
const WorkbookReader = require('exceljs/lib/stream/xlsx/workbook-reader') as new (
  input: unknown,
  options: object,
) => StreamingWorkbook;
const WorksheetReader = require('exceljs/lib/stream/xlsx/worksheet-reader') as new (options: {
  workbook: StreamingWorkbook;
  id: number;
  iterator: AsyncIterable<unknown>;
  options: object;
}) => { name: string } & AsyncIterable<Row>;
const iterateStream = require('exceljs/lib/utils/iterate-stream') as (
  stream: NodeJS.ReadableStream,
) => AsyncIterable<unknown>;
/* eslint-enable @typescript-eslint/no-require-imports */

/** The parts of exceljs's WorkbookReader used here (its own methods, one per workbook part). */
interface StreamingWorkbook {
  options: object;
  model?: { sheets?: Array<{ id: number; name: string; rId: string }> };
  workbookRels?: Array<{ Id: string; Target: string }>;
  _parseRels(stream: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(stream: NodeJS.ReadableStream): Promise<void>;
  _parseStyles(stream: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(stream: NodeJS.ReadableStream): AsyncIterable<unknown>;
}

/** Largest file the ledger reads (upload and CLI alike); 413 over HTTP. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/**
 * Most data rows one file may hold (all its sheets together). Reading stops at the first row
 * beyond it, so a 10 MB file of 350,000 rows costs no more than one of 50,000.
 */
export const MAX_IMPORT_ROWS = 50_000;

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

const tooManyRows = (where: string) =>
  new UnreadableImport([
    {
      rule: 'too-many-rows',
      message: `the file holds more than ${MAX_IMPORT_ROWS} rows (reading stopped at ${where}); at most ${MAX_IMPORT_ROWS} are imported at once`,
    },
  ]);

/** Data rows read so far over all sheets, against MAX_IMPORT_ROWS. */
class RowCount {
  rows = 0;
}

async function readXlsx(content: Buffer): Promise<Sheet[]> {
  const entries = readZipDirectory(content);
  const budget = new InflateBudget();
  const open = (entry: ZipEntry, onChunk?: (chunk: Buffer) => void) => {
    const stream = openEntry(content, entry, budget, onChunk);
    // Decoded as one text, so a character split between two chunks stays whole.
    stream.setEncoding('utf8');
    return stream;
  };
  const workbookEntry = entries.get('xl/workbook.xml');
  if (!workbookEntry)
    throw notASpreadsheet('it is a zip archive without a workbook (xl/workbook.xml)');
  const reader = new WorkbookReader(null, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  const part = (name: string) => entries.get(name);
  // The parts each sheet needs come first (in the archive they may come after the sheets).
  const rels = part('xl/_rels/workbook.xml.rels');
  if (rels) await reader._parseRels(open(rels));
  await reader._parseWorkbook(open(workbookEntry));
  const styles = part('xl/styles.xml');
  if (styles) await reader._parseStyles(open(styles));
  const strings = part('xl/sharedStrings.xml');
  if (strings) for await (const _ of reader._parseSharedStrings(open(strings)));

  const problems: FileProblem[] = [];
  const sheets: Sheet[] = [];
  const count = new RowCount();
  // In the order of the sheets' ids, as exceljs's Workbook.eachSheet went through them.
  const listed = [...(reader.model?.sheets ?? [])].sort((a, b) => a.id - b.id);
  for (const listedSheet of listed) {
    const target = reader.workbookRels?.find((r) => r.Id === listedSheet.rId)?.Target;
    if (!target) continue;
    const entry = part(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    if (!entry) continue;
    const sheet = await readWorksheet(reader, entry, listedSheet, open, count, problems);
    if (sheet) sheets.push(sheet);
  }
  if (problems.length) throw new UnreadableImport(problems);
  if (sheets.length === 0) {
    throw new UnreadableImport([{ rule: 'empty-file', message: 'the workbook has no rows' }]);
  }
  return sheets;
}

/** `<mergeCell ref="A3:B3"/>`, the merged ranges, which exceljs's streaming reader skips. */
const MERGE = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"/g;

async function readWorksheet(
  reader: StreamingWorkbook,
  entry: ZipEntry,
  listed: { id: number; name: string },
  open: (entry: ZipEntry, onChunk: (chunk: Buffer) => void) => NodeJS.ReadableStream,
  count: RowCount,
  problems: FileProblem[],
): Promise<Sheet | undefined> {
  const name = listed.name;
  const cellProblems: FileProblem[] = [];
  const merged = mergedRanges();
  const stream = open(entry, merged.scan);
  const worksheet = new WorksheetReader({
    workbook: reader,
    id: listed.id,
    iterator: iterateStream(stream),
    options: (reader as { options: object }).options,
  });
  worksheet.name = name;
  const rows: Array<{ row: number; cells: CellValue[] }> = [];
  let width = 0;
  let header = false;
  try {
    for await (const row of worksheet) {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        const refused = refusedCell(cell, name);
        if (refused) {
          cellProblems.push(refused);
          return;
        }
        cells[column - 1] = cellValue(cell);
        width = Math.max(width, column);
      });
      if (!cells.some((c) => c !== undefined && c !== null && c !== '')) continue;
      // The first filled row is the header; every later one counts against the limit.
      if (header && ++count.rows > MAX_IMPORT_ROWS)
        throw tooManyRows(`sheet ${name}, row ${row.number}`);
      header = true;
      rows.push({ row: row.number, cells });
    }
  } catch (error) {
    if (error instanceof UnreadableImport) throw error;
    throw notASpreadsheet(
      `it could not be opened as an Excel workbook (${error instanceof Error ? error.message : String(error)})`,
    );
  } finally {
    (stream as unknown as { destroy(): void }).destroy();
  }
  for (const range of merged.ranges) {
    problems.push({
      rule: 'merged-cells',
      sheet: name,
      cell: range,
      message: `sheet ${name}: cells ${range} are merged; unmerge them so each row holds its own values`,
    });
  }
  problems.push(...cellProblems);
  return sheetOf(name, rows, width);
}

/**
 * The merged ranges of a worksheet, scanned from its XML as the bytes pass (exceljs's streaming
 * reader skips them).
 */
function mergedRanges(): { ranges: string[]; scan: (chunk: Buffer) => void } {
  const ranges: string[] = [];
  let tail = '';
  const scan = (chunk: Buffer) => {
    // Scanned as the bytes pass; a tag cut by the chunk's end is kept for the next chunk.
    const text = tail + chunk.toString('latin1');
    const lastOpen = text.lastIndexOf('<');
    const cut = lastOpen >= 0 && text.indexOf('>', lastOpen) < 0 ? lastOpen : text.length;
    for (const match of text.slice(0, cut).matchAll(MERGE)) ranges.push(match[1]);
    tail = text.slice(cut, cut + 4096);
  };
  return { ranges, scan };
}

/** A cell the import refuses: a formula (its value is wanted) or an error value. */
function refusedCell(cell: Cell, name: string): FileProblem | undefined {
  if (cell.type === ValueType.Formula || isFormulaValue(cell.value)) {
    return {
      rule: 'formula',
      sheet: name,
      cell: cell.address,
      message: `sheet ${name}, cell ${cell.address} holds a formula; paste its value instead (formulas are not imported)`,
    };
  }
  if (cell.type === ValueType.Error) {
    return {
      rule: 'cell-error',
      sheet: name,
      cell: cell.address,
      message: `sheet ${name}, cell ${cell.address} holds an error value`,
    };
  }
  return undefined;
}

/** The first filled row is the header; every row is as wide as the widest. */
function sheetOf(
  name: string,
  rows: Array<{ row: number; cells: CellValue[] }>,
  width: number,
): Sheet | undefined {
  if (rows.length === 0) return undefined;
  const [headerRow, ...dataRows] = rows;
  const headerCells = Array.from({ length: width }, (_, i) => textOf(headerRow.cells[i]));
  return {
    name,
    header: headerCells,
    letters: headerCells.map((_, i) => columnLetter(i)),
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
  let filled = 0;
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
      // Stops at the first row beyond the limit (the header is the first filled row).
      on_record: (record: string[], { lines }: { lines: number }) => {
        if (record.some((cell) => cell.trim() !== '') && ++filled > MAX_IMPORT_ROWS + 1) {
          throw tooManyRows(`line ${lines}`);
        }
        return record;
      },
    }) as string[][];
  } catch (error) {
    if (error instanceof UnreadableImport) throw error;
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
