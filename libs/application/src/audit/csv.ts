/**
 * CSV as RFC 4180: CRLF line ends, quotes doubled inside quoted fields. A field is quoted when it
 * holds anything a spreadsheet could read as a separator or a line end — the comma, and also the
 * semicolon and the tab, because Excel set up for Danish (and most of Europe) splits on `;`, and
 * an unquoted `Evil;=cmd|' /C calc'!A0` would become a cell of its own that starts with `=` — or
 * a quote, or space at either end. Text that a spreadsheet would run as a formula (starting with
 * =, +, -, @, tab or CR) is prefixed with a single quote; numbers are written as they are.
 */
export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const NEEDS_QUOTES = /[",;\t\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
