import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { CopyColumns, copyRows } from './copy-rows';

/**
 * copyRows writes COPY's binary format by hand: every type it offers must come back from
 * PostgreSQL exactly as given, at the edges of each type too, and a value it cannot write must
 * name its column and leave the table as it was.
 */
describe('copyRows (COPY in binary format)', () => {
  let database: TestDatabase;
  let client: Client;
  const columns: CopyColumns = [
    ['name', 'text'],
    ['small', 'int4'],
    ['big', 'int8'],
    ['flag', 'bool'],
    ['at', 'timestamptz'],
    ['doc', 'jsonb'],
  ];

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
    await client.query(
      `CREATE TABLE sample (name text, small int, big bigint, flag boolean, at timestamptz, doc jsonb)`,
    );
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  beforeEach(() => client.query('TRUNCATE sample'));

  const readBack = async () =>
    (
      await client.query(
        `SELECT name, small, big::text AS big, flag,
                to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, doc
           FROM sample ORDER BY small`,
      )
    ).rows;

  it('writes text, integers, booleans, times and JSON exactly, and NULL for missing values', async () => {
    const rows = [
      {
        name: 'Københavns Kommune\ttab\nline\\slash',
        small: -(2 ** 31),
        big: Number.MAX_SAFE_INTEGER,
        flag: true,
        at: '1899-12-31T23:59:59.999Z',
        doc: [[1551484800000, 16, 1], { reason: 'dobbelt tællet', æ: null }],
      },
      {
        name: '',
        small: 0,
        big: -Number.MAX_SAFE_INTEGER,
        flag: false,
        at: new Date('2000-01-01T00:00:00.000Z'),
        doc: 'text',
      },
      { name: null, small: 2 ** 31 - 1, big: 1, flag: undefined, at: '2019-03-02T10:15:00.001Z' },
    ];
    await copyRows(client, 'sample', columns, rows);
    expect(await readBack()).toEqual([
      {
        name: 'Københavns Kommune\ttab\nline\\slash',
        small: -(2 ** 31),
        big: String(Number.MAX_SAFE_INTEGER),
        flag: true,
        at: '1899-12-31T23:59:59.999Z',
        doc: [[1551484800000, 16, 1], { reason: 'dobbelt tællet', æ: null }],
      },
      {
        name: '',
        small: 0,
        big: String(-Number.MAX_SAFE_INTEGER),
        flag: false,
        at: '2000-01-01T00:00:00.000Z',
        doc: 'text',
      },
      {
        name: null,
        small: 2 ** 31 - 1,
        big: '1',
        flag: null,
        at: '2019-03-02T10:15:00.001Z',
        doc: null,
      },
    ]);
  });

  it('writes thousands of rows across its chunks, in order', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({
      name: `r${i}`,
      small: i,
      big: i * 1_000_000_007,
      flag: i % 2 === 0,
      at: new Date(Date.UTC(2016, 0, 1) + i * 86_400_000).toISOString(),
      doc: i % 7 ? null : { i },
    }));
    await copyRows(client, 'sample', columns, rows);
    const back = await readBack();
    expect(back).toHaveLength(2500);
    expect(back[2499]).toEqual({ ...rows[2499], big: String(rows[2499].big) });
    expect(back[2498]).toEqual({ ...rows[2498], big: String(rows[2498].big) });
    expect(back.filter((row) => row.doc !== null)).toHaveLength(Math.ceil(2500 / 7));
  });

  it.each([
    ['small', 1.5, 'sample.small (int4): not a 32-bit integer: 1.5'],
    ['small', 2 ** 31, 'sample.small (int4): not a 32-bit integer: 2147483648'],
    ['big', 2 ** 53, 'sample.big (int8): not a safe integer: 9007199254740992'],
    ['at', 'last Tuesday', 'sample.at (timestamptz): not a time: last Tuesday'],
  ])('refuses %s = %p, naming the column, and writes nothing', async (column, value, message) => {
    const good = { name: 'a', small: 1, big: 1, flag: true, at: '2020-01-01T00:00:00.000Z' };
    await client.query('BEGIN');
    await expect(
      // After a first chunk has already gone to the server.
      copyRows(client, 'sample', columns, [
        ...Array(1500).fill(good),
        { ...good, [column]: value },
      ]),
    ).rejects.toThrow(message);
    await client.query('ROLLBACK');
    expect(await readBack()).toEqual([]);
  });
});
