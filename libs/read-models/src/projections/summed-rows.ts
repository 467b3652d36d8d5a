import { Sql } from '../projection/projection';

type KeyColumns = ReadonlyArray<readonly [column: string, type: string]>;

/**
 * A batch's additions to a table of running sums of homes and reports, summed per key in memory
 * and written with one upsert, so a batch of thousands of reports costs one statement.
 */
export class SummedRows {
  private readonly sums = new Map<string, { key: unknown[]; homes: number; reports: number }>();

  constructor(
    private readonly table: string,
    private readonly keyColumns: KeyColumns,
  ) {}

  add(row: object, homes: number, reports: number): void {
    const values = row as Record<string, unknown>;
    // Called for every housing event of a rebuild: one string per call, the key's array only
    // for a key not seen before in this batch.
    let id = '';
    for (const [column] of this.keyColumns) id += `${String(values[column])}\u0000`;
    let entry = this.sums.get(id);
    if (!entry) {
      entry = { key: this.keyColumns.map(([column]) => values[column]), homes: 0, reports: 0 };
      this.sums.set(id, entry);
    }
    entry.homes += homes;
    entry.reports += reports;
  }

  async write(sql: Sql): Promise<void> {
    if (this.sums.size === 0) return;
    const entries = [...this.sums.values()];
    const columns = this.keyColumns.map(([column]) => column);
    const arrays = this.keyColumns.map((_, i) => entries.map((e) => e.key[i]));
    const n = columns.length;
    await sql(
      `INSERT INTO ${this.table} (${columns.join(', ')}, homes, reports)
       SELECT * FROM unnest(${this.keyColumns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}, $${n + 1}::int[], $${n + 2}::int[])
       ON CONFLICT (${columns.join(', ')})
       DO UPDATE SET homes = ${this.table}.homes + EXCLUDED.homes, reports = ${this.table}.reports + EXCLUDED.reports`,
      [...arrays, entries.map((e) => e.homes), entries.map((e) => e.reports)],
    );
  }
}
