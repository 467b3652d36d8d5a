/** The schema the live read models are in. Replays for auditors use a scratch schema instead. */
export const LIVE_READ_MODEL_SCHEMA = 'read_models';

/** Injection token: the read-model schema the query services read from. */
export const READ_MODEL_SCHEMA = Symbol('READ_MODEL_SCHEMA');

/** A schema name safe to put into SQL unquoted. */
export function assertSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`not a valid schema name: ${schema}`);
  return schema;
}
