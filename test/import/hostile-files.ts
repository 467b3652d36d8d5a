import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Hostile spreadsheets for the upload limits (issue 17, item 7), built by hand in a second or
 * two: exceljs would take far longer to write 350,000 rows, and a zip bomb cannot be written by
 * inflating 1.5 GB first.
 */

export interface ZipEntry {
  name: string;
  /** The entry's bytes; or, for a bomb, the deflated bytes and what they inflate to. */
  content: Buffer | { deflated: Buffer; size: number; crc: number };
  /** Write this as the uncompressed size in the headers (a lying archive). */
  declaredSize?: number;
}

/** A zip archive (deflate, no zip64, no data descriptors) as Excel writes one. */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const { deflated, size, crc } = Buffer.isBuffer(entry.content)
      ? {
          deflated: deflateRawSync(entry.content),
          size: entry.content.length,
          crc: crc32(entry.content),
        }
      : entry.content;
    const declared = entry.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, deflated);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc >>> 0, 16);
    header.writeUInt32LE(deflated.length, 20);
    header.writeUInt32LE(declared, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += local.length + name.length + deflated.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xml = (body: string) =>
  Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`);
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts every workbook has around its one sheet. */
function workbookParts(sheetName: string): ZipEntry[] {
  return [
    {
      name: '[Content_Types].xml',
      content: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      content: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
          '</Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      content: xml(
        `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
          `<sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
          `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
          '</Relationships>',
      ),
    },
  ];
}

const HOUSING_HEADER = [
  'periode',
  'antal',
  'kommune',
  'initiativ',
  'partner',
  'kilde',
  'boligtype',
  'permanent',
];

/**
 * A valid-looking housing-counts workbook with `rows` data rows (350,000: about 7 times the row
 * limit), under the 10 MB upload limit: the kind of file that used to block the API for 15 s.
 */
export function manyRowsXlsx(rows = 350_000): Buffer {
  const strings = [...HOUSING_HEADER, 'Odense', 'kollegiemodellen', 'bikubenfonden', 'kab', 'ja'];
  const shared = xml(
    `<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">` +
      strings.map((s) => `<si><t>${s}</t></si>`).join('') +
      '</sst>',
  );
  // Written straight into one buffer: 350,000 joined template strings take seconds longer.
  const sheet = Buffer.allocUnsafe(120 + rows * 320);
  const letters = 'ABCDEFGH';
  let at = sheet.write(`<worksheet xmlns="${MAIN}"><sheetData>`, 0, 'latin1');
  at += sheet.write(
    `<row r="1">${HOUSING_HEADER.map((_, i) => `<c r="${letters[i]}1" t="s"><v>${i}</v></c>`).join('')}</row>`,
    at,
    'latin1',
  );
  for (let r = 2; r <= rows + 1; r++) {
    const period = `${2016 + (r % 10)}-Q${(r % 4) + 1}`;
    at += sheet.write(
      '<row r="' +
        r +
        '"><c r="A' +
        r +
        '" t="inlineStr"><is><t>' +
        period +
        '</t></is></c>' +
        '<c r="B' +
        r +
        '"><v>' +
        ((r % 9) + 1) +
        '</v></c><c r="C' +
        r +
        '" t="s"><v>8</v></c>' +
        '<c r="D' +
        r +
        '" t="s"><v>9</v></c><c r="E' +
        r +
        '" t="s"><v>10</v></c>' +
        '<c r="F' +
        r +
        '" t="s"><v>11</v></c><c r="G' +
        r +
        '" t="s"><v>9</v></c>' +
        '<c r="H' +
        r +
        '" t="s"><v>12</v></c></row>',
      at,
      'latin1',
    );
  }
  at += sheet.write('</sheetData></worksheet>', at, 'latin1');
  return zip([
    ...workbookParts('boligtal'),
    { name: 'xl/sharedStrings.xml', content: shared },
    { name: 'xl/worksheets/sheet1.xml', content: sheet.subarray(0, at) },
  ]);
}

/**
 * Deflated bytes that inflate to `megabytes` MB of one repeated byte, made without holding them:
 * one MB deflated with a full flush (which ends byte-aligned with a fresh history) is repeated,
 * then a final empty block ends the stream. 1.5 GB deflate to about 1.5 MB.
 */
export function deflatedRun(
  megabytes: number,
  fill = 0x20,
): { deflated: Buffer; size: number; crc: number } {
  const mb = Buffer.alloc(1024 * 1024, fill);
  const block = deflateRawSync(mb, { finishFlush: constants.Z_FULL_FLUSH });
  const last = deflateRawSync(Buffer.alloc(0));
  let crc = 0;
  for (let i = 0; i < megabytes; i++) crc = crc32(mb, crc);
  return {
    deflated: Buffer.concat([...Array.from({ length: megabytes }, () => block), last]),
    size: megabytes * mb.length,
    crc,
  };
}

/**
 * A zip bomb dressed as a workbook: its sheet inflates to `megabytes` MB (1,500: 1.5 GB) of
 * blanks. With `lie`, the headers declare 1 KB, so only counting the inflated bytes stops it.
 */
export function zipBombXlsx(megabytes = 1500, lie = false): Buffer {
  return zip([
    ...workbookParts('boligtal'),
    {
      name: 'xl/worksheets/sheet1.xml',
      content: deflatedRun(megabytes),
      declaredSize: lie ? 1024 : undefined,
    },
  ]);
}

/** A housing-counts CSV of `rows` short rows: about 320,000 in 9.6 MB. */
export function manyRowsCsv(rows = 320_000): Buffer {
  const line = '2018-Q1;1;Odense;k;b;kab;1;ja\n';
  return Buffer.concat([
    Buffer.from(`${HOUSING_HEADER.join(';')}\n`),
    Buffer.alloc(rows * line.length, line),
  ]);
}
