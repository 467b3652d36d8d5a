import { isIsoDate } from '@ledger/domain';

/**
 * What a spreadsheet cell holds once read: text (trimmed, exactly as typed, æ/ø/å kept), a
 * number, a true/false, a day (`YYYY-MM-DD`, from an Excel date cell) or nothing.
 */
export type CellValue = string | number | boolean | { day: string } | null;

/** A value in a cell that could not be read as what its column needs. */
export class CellProblem extends Error {
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'CellProblem';
  }
}

export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

/** The cell as text, as shown in the report and used for names, sources and ids. */
export function asText(value: CellValue): string | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === 'string') return value.normalize('NFC').trim();
  if (typeof value === 'object' && value !== null) return value.day;
  return String(value);
}

const DANISH_DAY = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/;
const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_MESSAGE = 'must be a real date: 15-05-2018, 15.05.2018 or 2018-05-15';

/** A day written the Danish way (15-05-2018, 15.05.2018, 15/05/2018), as ISO, or an Excel date. */
export function asDay(value: CellValue): string | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === 'object' && value !== null) return value.day;
  const text = String(value).trim();
  let day: string | undefined;
  const danish = DANISH_DAY.exec(text);
  const iso =
    ISO_DAY.exec(text) ?? /^(\d{4})-(\d{2})-(\d{2})T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (danish) day = `${danish[3]}-${pad(danish[2])}-${pad(danish[1])}`;
  else if (iso) day = `${iso[1]}-${pad(iso[2])}-${pad(iso[3])}`;
  if (!day || !isIsoDate(day)) throw new CellProblem('iso-date', DAY_MESSAGE);
  return day;
}

function pad(part: string): string {
  return part.padStart(2, '0');
}

/** A whole number; `1.000` and `1,5` are refused rather than guessed at. */
export function asWholeNumber(value: CellValue, message: string, rule: string): number | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new CellProblem(rule, message);
    return value;
  }
  const text = String(typeof value === 'object' && value !== null ? value.day : value).trim();
  if (!/^-?\d+$/.test(text)) throw new CellProblem(rule, message);
  return Number(text);
}

const TRUE = ['ja', 'j', 'yes', 'y', 'true', 'sand', '1', 'x'];
const FALSE = ['nej', 'n', 'no', 'false', 'falsk', '0'];

export function asYesNo(value: CellValue): boolean | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === 'boolean') return value;
  const text = String(asText(value)).toLowerCase();
  if (TRUE.includes(text)) return true;
  if (FALSE.includes(text)) return false;
  throw new CellProblem('yes-or-no', 'must be yes or no (ja/nej)');
}

/** The quarter as `YYYY-Qn`, from 2018-Q4, 2018 Q4, Q4 2018, 2018K4 or 4. kvartal 2018. */
export function asQuarter(value: CellValue): string | undefined {
  if (isBlank(value)) return undefined;
  const text = String(asText(value)).toUpperCase().replace(/\s+/g, ' ');
  const patterns: Array<[RegExp, number, number]> = [
    [/^(\d{4}) ?[-/]? ?[QK]([1-4])$/, 1, 2],
    [/^[QK]([1-4]) ?[-/]? ?(\d{4})$/, 2, 1],
    [/^([1-4])\. ?KVARTAL ?(\d{4})$/, 2, 1],
  ];
  for (const [pattern, year, quarter] of patterns) {
    const match = pattern.exec(text);
    if (match) return `${match[year]}-Q${match[quarter]}`;
  }
  throw new CellProblem('quarter-period', 'must be a quarter such as 2018-Q4 (or 4. kvartal 2018)');
}

/** A list in one cell: entries on their own lines or separated by `;`. */
export function asList(value: CellValue): string[] | undefined {
  const text = asText(value);
  if (text === undefined) return undefined;
  return text
    .split(/\r?\n|;/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** For matching names and labels: lower case, one space, no surrounding blanks. */
export function folded(text: string): string {
  return text
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');
}

/**
 * An id made from a name, in the seed's spelling: `Høje-Taastrup Kommune` →
 * `hoeje-taastrup-kommune` (æ→ae, ø→oe, å→aa). Only for ids; the name itself is kept exactly.
 */
export function slugOf(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
}

/** One value out of a vocabulary, by its id, its Danish label or a synonym (case-insensitive). */
export function oneOf<T extends string>(
  value: CellValue,
  ids: readonly T[],
  labels: Partial<Record<T, string>>,
  synonyms: Record<string, T> = {},
): T | undefined {
  const text = asText(value);
  if (text === undefined) return undefined;
  const key = folded(text);
  for (const id of ids) {
    if (folded(id) === key || folded(id.replace(/-/g, ' ')) === key) return id;
    const label = labels[id];
    if (label && folded(label) === key) return id;
  }
  const synonym = synonyms[key];
  if (synonym) return synonym;
  const shown = ids.map((id) => (labels[id] ? `${id} (${labels[id]})` : id));
  throw new CellProblem('known-value', `must be one of ${shown.join(', ')}`);
}
