import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Homes as they stand now, summed per (initiative, partner, municipality, quarter): the progress
 * page reads a few hundred rows instead of summing every report, however long the log grows.
 */
export class HousingTotals1764500000002 implements MigrationInterface {
  name = 'HousingTotals1764500000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_models.housing_total (
        initiative_id text NOT NULL,
        partner_id text NOT NULL,
        municipality text NOT NULL,
        year integer NOT NULL,
        quarter integer NOT NULL,
        homes integer NOT NULL,
        reports integer NOT NULL,
        PRIMARY KEY (initiative_id, partner_id, municipality, year, quarter)
      )`);
    await q.query(
      `CREATE INDEX housing_change_restatements ON read_models.housing_count_change (global_position) WHERE kind <> 'reported'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX read_models.housing_change_restatements`);
    await q.query(`DROP TABLE read_models.housing_total`);
  }
}
