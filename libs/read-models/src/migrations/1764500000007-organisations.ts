import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations the alliance names that are not partners (issue 17: a board seat or a grant may
 * only name an organisation the ledger knows). Filled by the partners projection; the event it
 * reads (OrganisationRegistered) is new with this table, so there is nothing earlier to replay.
 */
export class Organisations1764500000007 implements MigrationInterface {
  name = 'Organisations1764500000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_models.organisation (
        organisation_id text PRIMARY KEY,
        name text NOT NULL,
        sector text NOT NULL,
        registered_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_models.organisation`);
  }
}
