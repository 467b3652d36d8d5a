/**
 * CSV as RFC 4180: CRLF line ends; a field with a comma, a quote, CR or LF (or space at either
 * end) in double quotes, with quotes doubled. No CSV library is installed, so this is the whole
 * writer. Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is
 * prefixed with a single quote; numbers are written as they are.
 */
export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
