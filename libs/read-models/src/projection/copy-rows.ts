import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** The column types copyRows can write, by their PostgreSQL names. */
export type CopyType = 'text' | 'int4' | 'int8' | 'bool' | 'timestamptz' | 'jsonb';

/** A table's columns as COPY writes them: name and type, in the order given. */
export type CopyColumns = ReadonlyArray<readonly [column: string, type: CopyType]>;

/**
 * Writes rows (objects, read by column name) into a table with COPY in its binary format, in the
 * client's current transaction. PostgreSQL reads COPY several times faster than it parses a JSON
 * document or array parameters into rows (measured: 20,000 housing changes in 65 ms against
 * 200–250 ms), which is most of a rebuild; and the binary format spares it parsing each
 * timestamp and number from text (a quarter of a housing report's COPY, measured; see
 * docs/performance.md).
 *
 * Values: null/undefined → NULL; text as UTF-8; int4 and int8 from integers (int8 within
 * Number's safe range); timestamptz from a Date or ISO text, to the millisecond (the log's
 * precision); jsonb from any value, as its JSON.
 */
export async function copyRows(
  client: ClientBase,
  table: string,
  columns: CopyColumns,
  rows: ReadonlyArray<object>,
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([column]) => column).join(', ');
  const stream = client.query(copyFrom(`COPY ${table} (${names}) FROM STDIN (FORMAT binary)`));
  await pipeline(
    Readable.from(chunks(table, columns, rows as ReadonlyArray<Record<string, unknown>>)),
    stream,
  );
}

/**
 * The rows in COPY's binary format, a chunk at a time: PostgreSQL reads one chunk while the
 * next is encoded, so the two cores work at once instead of in turn.
 */
function* chunks(
  table: string,
  columns: CopyColumns,
  rows: ReadonlyArray<Record<string, unknown>>,
): Generator<Buffer> {
  // Each column's writer chosen once, not per value: this loop runs for every field of a rebuild.
  const names = columns.map(([column]) => column);
  const writers = columns.map(([, type]) => WRITERS[type]);
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const out = new BinaryRows(start === 0);
    const end = Math.min(rows.length, start + CHUNK_ROWS);
    for (let i = start; i < end; i++) {
      const row = rows[i];
      out.int16(names.length);
      for (let c = 0; c < names.length; c++) {
        const value = row[names[c]];
        if (value === null || value === undefined) {
          out.int32(-1);
          continue;
        }
        try {
          writers[c](out, value);
        } catch (error) {
          throw new Error(`${table}.${names[c]} (${columns[c][1]}): ${(error as Error).message}`);
        }
      }
    }
    if (end === rows.length) out.int16(-1); // the file trailer
    yield out.bytes();
  }
}

const CHUNK_ROWS = 1000;
/** PGCOPY\n\377\r\n\0, then no flags and no header extension. */
const SIGNATURE = Buffer.from('5047434f50590aff0d0a00' + '00000000' + '00000000', 'hex');
/** PostgreSQL counts time in microseconds from 2000-01-01 UTC. */
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_TO_32 = 2 ** 32;

/** Each type's field: its length, then its bytes (a NULL is written before these are asked). */
const WRITERS: Record<CopyType, (out: BinaryRows, value: unknown) => void> = {
  text: (out, value) => out.text(String(value), false),
  jsonb: (out, value) => out.text(JSON.stringify(value), true),
  int4: (out, value) => {
    if (!Number.isInteger(value) || (value as number) < -(2 ** 31) || (value as number) >= 2 ** 31)
      throw new Error(`not a 32-bit integer: ${String(value)}`);
    out.int32(4);
    out.int32(value as number);
  },
  int8: (out, value) => {
    if (!Number.isSafeInteger(value)) throw new Error(`not a safe integer: ${String(value)}`);
    out.int64(value as number);
  },
  bool: (out, value) => {
    out.int32(1);
    out.byte(value ? 1 : 0);
  },
  timestamptz: (out, value) => {
    const ms = value instanceof Date ? value.getTime() : Date.parse(String(value));
    if (Number.isNaN(ms)) throw new Error(`not a time: ${String(value)}`);
    out.int64((ms - POSTGRES_EPOCH_MS) * 1000);
  },
};

/** One chunk of COPY binary data, in a buffer that grows as needed. */
class BinaryRows {
  // Large enough for a chunk of housing rows (about 200 bytes each), so it seldom grows.
  private buffer = Buffer.allocUnsafeSlow(256 * 1024);
  private view = new DataView(this.buffer.buffer, this.buffer.byteOffset, this.buffer.length);
  private offset = 0;

  constructor(withSignature: boolean) {
    if (withSignature) {
      SIGNATURE.copy(this.buffer, 0);
      this.offset = SIGNATURE.length;
    }
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.offset);
  }

  byte(value: number): void {
    this.room(1);
    this.buffer[this.offset++] = value;
  }

  int16(value: number): void {
    this.room(2);
    this.view.setInt16(this.offset, value);
    this.offset += 2;
  }

  int32(value: number): void {
    this.room(4);
    this.view.setInt32(this.offset, value);
    this.offset += 4;
  }

  /** A field of a signed 64-bit integer, as two 32-bit halves (exact for any safe integer). */
  int64(value: number): void {
    const high = Math.floor(value / TWO_TO_32);
    this.room(12);
    this.view.setInt32(this.offset, 8);
    this.view.setInt32(this.offset + 4, high);
    this.view.setUint32(this.offset + 8, value - high * TWO_TO_32);
    this.offset += 12;
  }

  /** A field of text, or of jsonb (version 1, then the JSON text), as UTF-8. */
  text(text: string, jsonb: boolean): void {
    const start = this.offset;
    const prefix = jsonb ? 5 : 4;
    this.room(prefix + text.length * 3);
    const buffer = this.buffer;
    if (jsonb) buffer[start + 4] = 1;
    // Most of a rebuild's strings are short and ASCII: copied here, they cost no call into
    // Node's native encoder; anything else is encoded by it.
    let at = start + prefix;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x80) {
        at = start + prefix + buffer.write(text, start + prefix, 'utf8');
        break;
      }
      buffer[at++] = code;
    }
    this.view.setInt32(start, at - start - 4);
    this.offset = at;
  }

  private room(bytes: number): void {
    if (this.offset + bytes <= this.buffer.length) return;
    const larger = Buffer.allocUnsafeSlow(Math.max(this.buffer.length * 2, this.offset + bytes));
    this.buffer.copy(larger, 0, 0, this.offset);
    this.buffer = larger;
    this.view = new DataView(larger.buffer, larger.byteOffset, larger.length);
  }
}
