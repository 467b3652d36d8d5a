import { DataSource } from 'typeorm';
import { allEntities, migrateDatabase } from '@ledger/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The schema is made by migrations only (never synchronised from the entities), so the entities
 * are a description that could drift from the tables. This holds them together: after every
 * migration, TypeORM finds nothing in the entities that the database lacks or has otherwise, and
 * every table of the read models and of the data outside the log has its entity.
 */
describe('the TypeORM entities describe the schema the migrations make', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    await migrateDatabase(database.url);
    dataSource = new DataSource({ type: 'postgres', url: database.url, entities: allEntities() });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('column for column, with keys, defaults, collations, indexes and checks', async () => {
    const differences = await dataSource.driver.createSchemaBuilder().log();
    expect(differences.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('with an entity for every table outside the event store', async () => {
    const tables = await dataSource.query<Array<{ name: string }>>(
      `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
        WHERE table_schema IN ('read_models', 'auth', 'personal_data', 'idempotency') AND table_type = 'BASE TABLE'
        ORDER BY 1`,
    );
    const described = dataSource.entityMetadatas.map((m) => `${m.schema}.${m.tableName}`).sort();
    expect(described).toEqual(tables.map((table) => table.name));
    expect(described).toContain('read_models.housing_report');
  });
});
