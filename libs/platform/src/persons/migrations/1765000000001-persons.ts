import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The person register (issue 9): names and contact details behind the person ids the events
 * use. Outside the event log and the read models, so it can be erased and is never rebuilt.
 */
export class Persons1765000000001 implements MigrationInterface {
  name = 'Persons1765000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS personal_data`);
    await q.query(`
      CREATE TABLE personal_data.persons (
        person_id text PRIMARY KEY,
        name text,
        contact jsonb,
        registered_at timestamptz NOT NULL DEFAULT now(),
        erased_at timestamptz,
        -- Registered: a name. Erased: nothing left but the id and when.
        CHECK ((erased_at IS NULL AND name IS NOT NULL)
            OR (erased_at IS NOT NULL AND name IS NULL AND contact IS NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE personal_data.persons`);
  }
}
