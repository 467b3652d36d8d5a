import { Readable, Transform, type TransformCallback } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { UnreadableImport } from './import-problems';

/**
 * The zip container of an .xlsx, read from its central directory before anything is inflated
 * (issue 17, item 7: a 1.5 MB upload that inflated to 1.5 GB took the API to 1.65 GB).
 * The sizes the directory declares are checked first; the bytes actually inflated are counted
 * too, because a hostile archive can declare any size it likes.
 */

/** Most bytes all entries of one workbook may inflate to (declared, and as counted). */
export const MAX_INFLATED_BYTES = 200 * 1024 * 1024;
/** Most entries one workbook may hold (Excel writes about a dozen). */
export const MAX_ARCHIVE_ENTRIES = 1000;
/**
 * Largest inflated/compressed ratio of an entry over 1 MB. Spreadsheet XML deflates about
 * 10:1 (50,000 identical rows about 60:1); deflate's ceiling is about 1030:1, which only a run
 * of one byte reaches: a bomb.
 */
export const MAX_COMPRESSION_RATIO = 250;
const RATIO_FROM_BYTES = 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As the central directory declares it. */
  declaredSize: number;
  dataStart: number;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const notAWorkbook = (detail: string) =>
  new UnreadableImport([
    {
      rule: 'not-a-spreadsheet',
      message: `the file is not a spreadsheet (.xlsx or .csv): it could not be opened as an Excel workbook (${detail})`,
    },
  ]);

export const archiveTooLarge = (detail: string) =>
  new UnreadableImport([
    {
      rule: 'archive-too-large',
      message: `the workbook ${detail}; at most ${mb(MAX_INFLATED_BYTES)} unpacked (and a ratio of ${MAX_COMPRESSION_RATIO}:1) is read`,
    },
  ]);

/** The entries of a zip archive; refuses a broken or encrypted archive and declared sizes over the limits. */
export function readZipDirectory(content: Buffer): Map<string, ZipEntry> {
  const end = findEndOfDirectory(content);
  const count = content.readUInt16LE(end + 10);
  const size = content.readUInt32LE(end + 12);
  const offset = content.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    throw archiveTooLarge('is a ZIP64 archive (over 65,535 entries or 4 GB)');
  }
  if (count > MAX_ARCHIVE_ENTRIES) {
    throw archiveTooLarge(`holds ${count} parts (at most ${MAX_ARCHIVE_ENTRIES})`);
  }
  if (offset + size > end) throw notAWorkbook('its directory lies outside the file');
  const entries = new Map<string, ZipEntry>();
  let total = 0;
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || content.readUInt32LE(at) !== 0x02014b50) {
      throw notAWorkbook('its directory is broken');
    }
    const flags = content.readUInt16LE(at + 8);
    const method = content.readUInt16LE(at + 10);
    const compressedSize = content.readUInt32LE(at + 20);
    const declaredSize = content.readUInt32LE(at + 24);
    const nameLength = content.readUInt16LE(at + 28);
    const extraLength = content.readUInt16LE(at + 30);
    const commentLength = content.readUInt16LE(at + 32);
    const local = content.readUInt32LE(at + 42);
    const name = content.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) throw notAWorkbook('it is encrypted; save it without a password');
    if (method !== 0 && method !== 8) throw notAWorkbook(`part ${name} uses compression ${method}`);
    if (local + 30 > content.length || content.readUInt32LE(local) !== 0x04034b50) {
      throw notAWorkbook(`part ${name} is missing`);
    }
    const dataStart =
      local + 30 + content.readUInt16LE(local + 26) + content.readUInt16LE(local + 28);
    if (dataStart + compressedSize > content.length) {
      throw notAWorkbook(`part ${name} is cut short`);
    }
    total += declaredSize;
    if (declaredSize > MAX_INFLATED_BYTES || total > MAX_INFLATED_BYTES) {
      throw archiveTooLarge(
        `declares ${mb(total)} unpacked (part ${name}: ${mb(declaredSize)} from ${mb(compressedSize)})`,
      );
    }
    if (
      declaredSize > RATIO_FROM_BYTES &&
      declaredSize / Math.max(compressedSize, 1) > MAX_COMPRESSION_RATIO
    ) {
      throw archiveTooLarge(
        `part ${name} declares ${mb(declaredSize)} packed into ${mb(compressedSize)} (${Math.round(declaredSize / Math.max(compressedSize, 1))}:1, a zip bomb)`,
      );
    }
    entries.set(name, { name, method, compressedSize, declaredSize, dataStart });
  }
  return entries;
}

function findEndOfDirectory(content: Buffer): number {
  // The end record is 22 bytes, followed by a comment of at most 65,535.
  const stop = Math.max(0, content.length - 22 - 0xffff);
  for (let at = content.length - 22; at >= stop; at--) {
    if (content.readUInt32LE(at) === 0x06054b50) return at;
  }
  throw notAWorkbook('it is not a complete zip archive');
}

/** The bytes inflated so far for one workbook, shared by all its entries. */
export class InflateBudget {
  used = 0;
  constructor(readonly limit = MAX_INFLATED_BYTES) {}
}

/**
 * One entry's bytes as a stream, inflated as they are read (the reader's backpressure reaches
 * the inflater), counting every byte produced and failing with `archive-too-large` once the
 * workbook's budget is spent, whatever the directory declared. `onChunk` sees each chunk.
 */
export function openEntry(
  content: Buffer,
  entry: ZipEntry,
  budget: InflateBudget,
  onChunk?: (chunk: Buffer) => void,
): Readable {
  const packed = content.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  // Small slices of input, so one write cannot inflate more than about 16 MB at once.
  const slices = function* () {
    for (let at = 0; at < packed.length; at += 16 * 1024) yield packed.subarray(at, at + 16 * 1024);
  };
  const source = Readable.from(slices(), { objectMode: false });
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      budget.used += chunk.length;
      if (budget.used > budget.limit) {
        done(
          archiveTooLarge(
            `unpacks to more than ${mb(budget.limit)} (part ${entry.name} declared ${mb(entry.declaredSize)})`,
          ),
        );
        return;
      }
      onChunk?.(chunk);
      done(null, chunk);
    },
  });
  const fail = (error: Error) => counter.destroy(error);
  if (entry.method === 0) {
    source.on('error', fail).pipe(counter);
  } else {
    const inflate = createInflateRaw();
    inflate.on('error', (error) => fail(notAWorkbook(`part ${entry.name}: ${error.message}`)));
    source.on('error', fail).pipe(inflate).pipe(counter);
    counter.on('close', () => {
      source.destroy();
      inflate.destroy();
    });
  }
  return counter;
}
