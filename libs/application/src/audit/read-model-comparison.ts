import { PoolClient } from 'pg';
import { assertSchemaName, Projection } from '@ledger/read-models';

/** The first row of one read-model table that is not what a fresh replay gives. */
export interface RowDifference {
  projection: string;
  table: string;
  /** The primary key of the row. */
  key: Record<string, unknown>;
  /** missing: the replay has the row, the live table does not; extra: the other way round. */
  kind: 'missing-from-live' | 'not-in-replay' | 'differs';
  /** For `differs`: each column whose value differs. */
  columns: Array<{ column: string; live: unknown; replay: unknown }>;
  /** How many rows of this table differ in all. */
  rowsDiffering: number;
  detail: string;
}

export interface TableComparison {
  projection: string;
  table: string;
  liveRows: number;
  replayRows: number;
  rowsDiffering: number;
}

/**
 * Compares every table of the projections in the live schema with the same table in the replay
 * schema, row by row by primary key. Runs on the given client, so the caller chooses the
 * snapshot (see AuditVerifier: the live checkpoints are read in the same snapshot).
 */
export async function compareReadModels(
  client: PoolClient,
  projections: Projection[],
  liveSchema: string,
  replaySchema: string,
): Promise<{ tables: TableComparison[]; differences: RowDifference[] }> {
  assertSchemaName(liveSchema);
  assertSchemaName(replaySchema);
  const tables: TableComparison[] = [];
  const differences: RowDifference[] = [];
  for (const projection of projections) {
    for (const table of projection.tables) {
      assertSchemaName(table);
      const keys = await primaryKey(client, liveSchema, table);
      const join = keys.map((k) => `l.${k} = r.${k}`).join(' AND ');
      const order = keys.map((k) => `coalesce(l.${k}, r.${k})`).join(', ');
      const [counts] = (
        await client.query<{ live: string; replay: string; differing: string }>(
          `SELECT (SELECT count(*) FROM ${liveSchema}.${table}) AS live,
                  (SELECT count(*) FROM ${replaySchema}.${table}) AS replay,
                  (SELECT count(*) FROM ${liveSchema}.${table} l FULL JOIN ${replaySchema}.${table} r ON ${join}
                    WHERE ROW(l.*) IS DISTINCT FROM ROW(r.*)) AS differing`,
        )
      ).rows;
      const comparison: TableComparison = {
        projection: projection.name,
        table,
        liveRows: Number(counts.live),
        replayRows: Number(counts.replay),
        rowsDiffering: Number(counts.differing),
      };
      tables.push(comparison);
      if (comparison.rowsDiffering === 0) continue;
      const [first] = (
        await client.query<{
          live: Record<string, unknown> | null;
          replay: Record<string, unknown> | null;
        }>(
          `SELECT CASE WHEN l.${keys[0]} IS NULL THEN NULL ELSE to_jsonb(l) END AS live,
                  CASE WHEN r.${keys[0]} IS NULL THEN NULL ELSE to_jsonb(r) END AS replay
             FROM ${liveSchema}.${table} l FULL JOIN ${replaySchema}.${table} r ON ${join}
            WHERE ROW(l.*) IS DISTINCT FROM ROW(r.*)
            ORDER BY ${order} LIMIT 1`,
        )
      ).rows;
      differences.push(describe(projection.name, table, keys, first, comparison.rowsDiffering));
    }
  }
  return { tables, differences };
}

async function primaryKey(client: PoolClient, schema: string, table: string): Promise<string[]> {
  const result = await client.query<{ column: string }>(
    `SELECT a.attname AS column
       FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
      WHERE i.indrelid = $1::regclass AND i.indisprimary
      ORDER BY array_position(i.indkey::int2[], a.attnum)`,
    [`${schema}.${table}`],
  );
  if (result.rows.length === 0)
    throw new Error(`${schema}.${table} has no primary key to compare by`);
  return result.rows.map((row) => assertSchemaName(row.column));
}

function describe(
  projection: string,
  table: string,
  keys: string[],
  row: { live: Record<string, unknown> | null; replay: Record<string, unknown> | null },
  rowsDiffering: number,
): RowDifference {
  const source = (row.live ?? row.replay)!;
  const key = Object.fromEntries(keys.map((k) => [k, source[k]]));
  const keyText = keys.map((k) => `${k}=${JSON.stringify(source[k])}`).join(', ');
  const more = rowsDiffering > 1 ? ` (${rowsDiffering} rows of ${table} differ in all)` : '';
  if (!row.live) {
    return {
      projection,
      table,
      key,
      kind: 'missing-from-live',
      columns: [],
      rowsDiffering,
      detail: `${table} row ${keyText} is produced by a replay of the log but missing from the live read model${more}`,
    };
  }
  if (!row.replay) {
    return {
      projection,
      table,
      key,
      kind: 'not-in-replay',
      columns: [],
      rowsDiffering,
      detail: `${table} row ${keyText} is in the live read model but a replay of the log does not produce it${more}`,
    };
  }
  const columns = Object.keys(row.live)
    .filter((c) => JSON.stringify(row.live![c]) !== JSON.stringify(row.replay![c]))
    .map((column) => ({ column, live: row.live![column], replay: row.replay![column] }));
  return {
    projection,
    table,
    key,
    kind: 'differs',
    columns,
    rowsDiffering,
    detail:
      `${table} row ${keyText} differs from a replay of the log: ` +
      columns
        .map(
          (c) =>
            `${c.column} is ${JSON.stringify(c.live)}, the replay gives ${JSON.stringify(c.replay)}`,
        )
        .join('; ') +
      more,
  };
}
