import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * Writes rows (objects, read by column name) into a table with COPY, in the client's current
 * transaction. PostgreSQL reads COPY's
 * text format several times faster than it parses a JSON document or array parameters into rows
 * (measured: 20,000 housing changes in 65 ms against 200–250 ms), which is most of a rebuild.
 *
 * Values: null/undefined → NULL, Date → ISO text, objects and arrays → JSON (for jsonb columns),
 * everything else as text with COPY's escapes.
 */
export async function copyRows(
  client: ClientBase,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<object>,
): Promise<void> {
  if (rows.length === 0) return;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(
    Readable.from(lines(columns, rows as ReadonlyArray<Record<string, unknown>>)),
    stream,
  );
}

/**
 * The rows as COPY text, a chunk at a time: PostgreSQL parses one chunk while the next is
 * formatted, so the two cores work at once instead of in turn.
 */
function* lines(
  columns: readonly string[],
  rows: ReadonlyArray<Record<string, unknown>>,
): Generator<string> {
  const last = columns.length - 1;
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const end = Math.min(rows.length, start + CHUNK_ROWS);
    let text = '';
    for (let i = start; i < end; i++) {
      const row = rows[i];
      for (let c = 0; c < last; c++) text += `${copyValue(row[columns[c]])}\t`;
      text += `${copyValue(row[columns[last]])}\n`;
    }
    yield text;
  }
}

const CHUNK_ROWS = 1000;
const SPECIAL = /[\\\n\r\t]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text =
    typeof value === 'string'
      ? value
      : value instanceof Date
        ? value.toISOString()
        : JSON.stringify(value);
  return SPECIAL.test(text) ? text.replace(/[\\\n\r\t]/g, (ch) => ESCAPES[ch]) : text;
}
