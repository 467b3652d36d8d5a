import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two indexes no query reads any more: the report dimensions (the API sums homes from the running
 * totals and daily steps, and the data-quality view finds silent partners there too) and the
 * change's recording time (a question about a knowledge date reads the daily steps). Each cost a
 * B-tree insert per report or change, live and in every rebuild.
 */
export class UnusedHousingIndexes1764500000005 implements MigrationInterface {
  name = 'UnusedHousingIndexes1764500000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS read_models.housing_report_dimensions`);
    await q.query(`DROP INDEX IF EXISTS read_models.housing_change_recorded`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX housing_report_dimensions ON read_models.housing_report (initiative_id, partner_id, municipality, year)`,
    );
    await q.query(
      `CREATE INDEX housing_change_recorded ON read_models.housing_count_change (recorded_at)`,
    );
  }
}
