import { DataSource } from 'typeorm';
import { allMigrations } from './database.module';

/** Applies every pending migration to the database at url; returns the names of those that ran. */
export async function migrateDatabase(url: string): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: allMigrations(),
    migrationsTransactionMode: 'each',
  });
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations();
    return ran.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
