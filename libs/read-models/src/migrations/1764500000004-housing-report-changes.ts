import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each corrected report carries its own short history of changes ([occurred at, homes, counted]),
 * so a backdated correction finds the report's earlier changes in the row it updates anyway,
 * instead of reading housing_count_change by report: that index is then only for queries, and a
 * rebuild can make it once at the end (see bulk-indexes.ts).
 *
 * The housing projection is replayed from the start to fill it (its checkpoint goes back to 0).
 */
export class HousingReportChanges1764500000004 implements MigrationInterface {
  name = 'HousingReportChanges1764500000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE read_models.housing_report ADD COLUMN changes jsonb`);
    await q.query(
      `TRUNCATE read_models.housing_report, read_models.housing_count_change, read_models.housing_total, read_models.housing_standing`,
    );
    await q.query(
      `UPDATE read_models.projection_checkpoint SET position = 0 WHERE projection = 'housing'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE read_models.housing_report DROP COLUMN changes`);
  }
}
