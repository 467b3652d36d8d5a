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
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const out = new BinaryRows(start === 0);
    const end = Math.min(rows.length, start + CHUNK_ROWS);
    for (let i = start; i < end; i++) {
      const row = rows[i];
      out.int16(columns.length);
      for (const [column, type] of columns) {
        try {
          out.field(type, row[column]);
        } catch (error) {
          throw new Error(`${table}.${column} (${type}): ${(error as Error).message}`);
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

/** One chunk of COPY binary data, in a buffer that grows as needed. */
class BinaryRows {
  // Large enough for a chunk of housing rows (about 200 bytes each), so it seldom grows.
  private buffer = Buffer.allocUnsafe(256 * 1024);
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

  int16(value: number): void {
    this.room(2);
    this.offset = this.buffer.writeInt16BE(value, this.offset);
  }

  field(type: CopyType, value: unknown): void {
    if (value === null || value === undefined) {
      this.room(4);
      this.offset = this.buffer.writeInt32BE(-1, this.offset);
      return;
    }
    switch (type) {
      case 'text':
        return this.utf8(String(value), false);
      case 'jsonb':
        return this.utf8(JSON.stringify(value), true);
      case 'int4':
        if (
          !Number.isInteger(value) ||
          (value as number) < -(2 ** 31) ||
          (value as number) >= 2 ** 31
        )
          throw new Error(`not a 32-bit integer: ${String(value)}`);
        this.room(8);
        this.buffer.writeInt32BE(4, this.offset);
        this.offset = this.buffer.writeInt32BE(value as number, this.offset + 4);
        return;
      case 'int8':
        if (!Number.isSafeInteger(value)) throw new Error(`not a safe integer: ${String(value)}`);
        return this.int64(value as number);
      case 'bool':
        this.room(5);
        this.buffer.writeInt32BE(1, this.offset);
        this.buffer[this.offset + 4] = value ? 1 : 0;
        this.offset += 5;
        return;
      case 'timestamptz': {
        const ms = value instanceof Date ? value.getTime() : Date.parse(String(value));
        if (Number.isNaN(ms)) throw new Error(`not a time: ${String(value)}`);
        return this.int64((ms - POSTGRES_EPOCH_MS) * 1000);
      }
    }
  }

  /** A signed 64-bit integer as two 32-bit halves (exact for any safe integer). */
  private int64(value: number): void {
    const high = Math.floor(value / TWO_TO_32);
    this.room(12);
    this.buffer.writeInt32BE(8, this.offset);
    this.buffer.writeInt32BE(high, this.offset + 4);
    this.offset = this.buffer.writeUInt32BE(value - high * TWO_TO_32, this.offset + 8);
  }

  /** Text, or jsonb's (version 1 and the JSON text), with its length in front. */
  private utf8(text: string, jsonb: boolean): void {
    const prefix = jsonb ? 5 : 4;
    this.room(prefix + text.length * 3);
    if (jsonb) this.buffer[this.offset + 4] = 1;
    const length = this.buffer.write(text, this.offset + prefix, 'utf8');
    this.buffer.writeInt32BE(length + prefix - 4, this.offset);
    this.offset += prefix + length;
  }

  private room(bytes: number): void {
    if (this.offset + bytes <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.offset + bytes));
    this.buffer.copy(larger, 0, 0, this.offset);
    this.buffer = larger;
  }
}
