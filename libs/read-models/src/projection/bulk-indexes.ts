import { ClientBase } from 'pg';
import { Projection } from './projection';
import { assertSchemaName } from '../read-model-schema';

/** An index dropped for a bulk replay, with the statement that makes it again. */
export interface SetAsideIndex {
  name: string;
  definition: string;
}

/**
 * A replay from position 0 into empty tables writes every row once. Keeping the query indexes
 * up to date row by row is most of its cost (a random B-tree insert per row and index); building
 * them once at the end from the finished table is a sort, several times faster. So a bulk replay
 * drops the indexes that only queries use, and makes them again when it is done.
 *
 * Kept: indexes behind primary keys and unique constraints, which upserts and lookups by key
 * need. Projections read nothing else while applying (a backdated correction finds its report's
 * earlier changes in the report's row).
 *
 * With `remember`, the dropped indexes' definitions are written to `set_aside_index` in the same
 * transaction, so that a rebuild that dies half-way leaves them to be restored by the next
 * projector or rebuild (restoreQueryIndexes without a list). Scratch schemas do not remember:
 * they are dropped whatever happens.
 */
export async function setAsideQueryIndexes(
  client: ClientBase,
  schema: string,
  projections: readonly Projection[],
  { remember }: { remember: boolean },
): Promise<SetAsideIndex[]> {
  assertSchemaName(schema);
  await client.query('BEGIN');
  try {
    const { rows } = await client.query<SetAsideIndex>(
      `SELECT i.indexname AS name, i.indexdef AS definition
         FROM pg_indexes i
         JOIN pg_namespace n ON n.nspname = i.schemaname
         JOIN pg_class c ON c.relname = i.indexname AND c.relnamespace = n.oid
        WHERE i.schemaname = $1 AND i.tablename = ANY($2)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid)
        ORDER BY i.indexname`,
      [schema, projections.flatMap((p) => p.tables)],
    );
    for (const index of rows) {
      await client.query(`DROP INDEX ${schema}.${index.name}`);
      if (remember) {
        await client.query(
          `INSERT INTO ${schema}.set_aside_index (index_name, definition) VALUES ($1, $2)
           ON CONFLICT (index_name) DO UPDATE SET definition = EXCLUDED.definition`,
          [index.name, index.definition],
        );
      }
    }
    await client.query('COMMIT');
    return rows;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Gives the planner fresh statistics for the projections' tables: after a bulk load, those from
 * before (an empty table, or another size) would lead it astray until autovacuum came round.
 */
export async function analyzeTables(
  client: ClientBase,
  schema: string,
  projections: readonly Projection[],
): Promise<void> {
  assertSchemaName(schema);
  const tables = [...new Set(projections.flatMap((p) => p.tables))];
  await client.query(`ANALYZE ${tables.map((t) => `${schema}.${assertSchemaName(t)}`).join(', ')}`);
}

/**
 * Makes set-aside indexes again, each from the whole table in one pass: the given ones, or those
 * remembered in the schema's `set_aside_index` (each forgotten in the transaction that makes it).
 */
export async function restoreQueryIndexes(
  client: ClientBase,
  schema: string,
  indexes?: readonly SetAsideIndex[],
): Promise<void> {
  assertSchemaName(schema);
  const remembered = indexes === undefined;
  const list =
    indexes ??
    (
      await client.query<SetAsideIndex>(
        `SELECT index_name AS name, definition FROM ${schema}.set_aside_index ORDER BY index_name`,
      )
    ).rows;
  for (const index of list) {
    await client.query('BEGIN');
    try {
      await client.query(
        index.definition.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS '),
      );
      if (remembered) {
        await client.query(`DELETE FROM ${schema}.set_aside_index WHERE index_name = $1`, [
          index.name,
        ]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
}
