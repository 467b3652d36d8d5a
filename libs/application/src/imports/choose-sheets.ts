import { folded } from './cell-values';
import { importKinds, type ImportKind, type KindSpec } from './import-plan';
import { kindNamed, kindSpecs } from './kinds';
import {
  MAX_IMPORT_ROWS,
  UnreadableImport,
  type FileProblem,
  type Sheet,
  type SpreadsheetFormat,
} from './spreadsheet-reader';

/** The kind named is none of the five. */
export class UnknownImportKind extends Error {
  constructor(readonly kind: string) {
    super(`unknown kind ${kind}; the kinds are ${importKinds.join(', ')}`);
    this.name = 'UnknownImportKind';
  }
}

/** A sheet to import, its kind, and the column key of each of its columns (null: left out). */
export interface ChosenSheet {
  sheet: Sheet;
  spec: KindSpec;
  columns: Array<string | null>;
}

/** Which sheets to import as which kind, and which column is which; refuses what does not fit. */
export function chooseSheets(
  sheets: Sheet[],
  format: SpreadsheetFormat,
  fileName: string,
  kindOption: string | undefined,
): ChosenSheet[] {
  const problems: FileProblem[] = [];
  const pairs =
    kindOption !== undefined
      ? sheetOfKind(sheets, kindOption)
      : sheetsNamedByKind(sheets, format, fileName);
  pairs.sort((a, b) => importKinds.indexOf(a.spec.kind) - importKinds.indexOf(b.spec.kind));
  const chosen = oneSheetPerKind(pairs, problems);
  refuseEmptyOrTooLarge(chosen, problems);
  if (problems.length) throw new UnreadableImport(problems);
  return chosen;
}

/** With `--kind`: the sheet named by that kind, else the only sheet. */
function sheetOfKind(sheets: Sheet[], kindOption: string): Array<{ sheet: Sheet; spec: KindSpec }> {
  const spec = kindNamed(kindOption);
  if (!spec)
    throw new UnreadableImport([
      { rule: 'unknown-kind', message: new UnknownImportKind(kindOption).message },
    ]);
  const named = sheets.find((s) => kindNamed(s.name)?.kind === spec.kind);
  const sheet = named ?? (sheets.length === 1 ? sheets[0] : undefined);
  if (!sheet) {
    throw new UnreadableImport([
      {
        rule: 'sheet-not-found',
        message: `no sheet is named ${spec.kind}, and the workbook has ${sheets.length} sheets (${sheets.map((s) => s.name).join(', ')})`,
      },
    ]);
  }
  return [{ sheet, spec }];
}

/** Without `--kind`: the sheets named by a kind (the CSV file's name), else the only sheet's headers. */
function sheetsNamedByKind(
  sheets: Sheet[],
  format: SpreadsheetFormat,
  fileName: string,
): Array<{ sheet: Sheet; spec: KindSpec }> {
  const named = sheets
    .map((sheet) => ({ sheet, spec: kindNamed(format === 'csv' ? fileName : sheet.name) }))
    .filter((p): p is { sheet: Sheet; spec: KindSpec } => p.spec !== undefined);
  if (named.length > 0) return named;
  if (sheets.length === 1) {
    const spec = kindByHeader(sheets[0]);
    if (!spec) {
      throw new UnreadableImport([
        {
          rule: 'unknown-kind',
          sheet: sheets[0].name,
          message:
            `cannot tell what ${format === 'csv' ? 'the file' : `sheet ${sheets[0].name}`} holds: ` +
            `name the ${format === 'csv' ? 'file' : 'sheet'} by its kind (${importKinds.join(', ')}) or give the kind`,
        },
      ]);
    }
    return [{ sheet: sheets[0], spec }];
  }
  throw new UnreadableImport([
    {
      rule: 'unknown-kind',
      message: `no sheet is named by a kind (${importKinds.join(', ')}); the workbook has ${sheets.map((s) => s.name).join(', ')}`,
    },
  ]);
}

/** One sheet per kind, its columns mapped; a second sheet of a kind is a problem. */
function oneSheetPerKind(
  pairs: Array<{ sheet: Sheet; spec: KindSpec }>,
  problems: FileProblem[],
): ChosenSheet[] {
  const seen = new Set<ImportKind>();
  const chosen: ChosenSheet[] = [];
  for (const { sheet, spec } of pairs) {
    if (seen.has(spec.kind)) {
      problems.push({
        rule: 'sheet-repeated',
        sheet: sheet.name,
        message: `two sheets hold ${spec.kind}`,
      });
      continue;
    }
    seen.add(spec.kind);
    chosen.push({ sheet, spec, columns: mapColumns(sheet, spec, problems) });
  }
  return chosen;
}

/** A file with no rows below its headers, or over the row limit, is refused as a whole. */
function refuseEmptyOrTooLarge(chosen: ChosenSheet[], problems: FileProblem[]): void {
  const rows = chosen.reduce((n, c) => n + c.sheet.rows.length, 0);
  if (rows === 0 && problems.length === 0) {
    problems.push({ rule: 'empty-file', message: 'there are no rows below the header' });
  }
  if (rows > MAX_IMPORT_ROWS) {
    problems.push({
      rule: 'too-many-rows',
      message: `${rows} rows; at most ${MAX_IMPORT_ROWS} are imported at once`,
    });
  }
}

function matches(spec: KindSpec, header: string): string | undefined {
  const key = folded(header).replace(/-/g, ' ');
  return spec.columns.find(
    (c) => folded(c.header) === key || c.aliases.some((a) => folded(a).replace(/-/g, ' ') === key),
  )?.key;
}

function kindByHeader(sheet: Sheet): KindSpec | undefined {
  const fitting = Object.values(kindSpecs).filter((spec) => {
    const keys = sheet.header.filter((h) => h !== '').map((h) => matches(spec, h));
    return (
      keys.every((k) => k !== undefined) &&
      spec.columns.every((c) => !c.required || keys.includes(c.key))
    );
  });
  return fitting.length === 1 ? fitting[0] : undefined;
}

function mapColumns(sheet: Sheet, spec: KindSpec, problems: FileProblem[]): Array<string | null> {
  const where = (i: number) => `sheet ${sheet.name}, column ${sheet.letters[i]}`;
  const known = spec.columns.map((c) => c.header).join(', ');
  const keys = sheet.header.map((header, i) => {
    if (header === '') {
      if (sheet.rows.some((r) => r.cells[i] !== null && r.cells[i] !== '')) {
        problems.push({
          rule: 'unknown-column',
          sheet: sheet.name,
          column: sheet.letters[i],
          message: `${where(i)} has values but no header`,
        });
      }
      return null;
    }
    const key = matches(spec, header);
    if (!key) {
      problems.push({
        rule: 'unknown-column',
        sheet: sheet.name,
        column: header,
        message: `${where(i)} "${header}" is not a column of ${spec.kind}; the columns are: ${known}`,
      });
      return null;
    }
    return key;
  });
  for (const c of spec.columns) {
    const count = keys.filter((k) => k === c.key).length;
    if (count > 1)
      problems.push({
        rule: 'column-repeated',
        sheet: sheet.name,
        column: c.header,
        message: `sheet ${sheet.name}: the column ${c.header} appears ${count} times`,
      });
    if (count === 0 && c.required) {
      problems.push({
        rule: 'missing-column',
        sheet: sheet.name,
        column: c.header,
        message: `sheet ${sheet.name} has no column ${c.header} (${spec.kind} need: ${spec.columns
          .filter((x) => x.required)
          .map((x) => x.header)
          .join(', ')})`,
      });
    }
  }
  return keys;
}
