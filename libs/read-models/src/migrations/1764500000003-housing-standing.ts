import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Progress on a past date without reading the whole change history: the changes' effect on the
 * figures, summed per (day it happened, day it was recorded, initiative, partner, municipality,
 * quarter). A question by day sums the rows before both days: a few hundred rows however long the
 * log. Rows are steps (see standing-steps.ts), so a backdated correction is right on every date.
 *
 * The housing projection is replayed from the start to fill it (its checkpoint goes back to 0).
 */
export class HousingStanding1764500000003 implements MigrationInterface {
  name = 'HousingStanding1764500000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_models.housing_standing (
        world_day date NOT NULL,
        known_day date NOT NULL,
        initiative_id text NOT NULL,
        partner_id text NOT NULL,
        municipality text NOT NULL,
        year integer NOT NULL,
        quarter integer NOT NULL,
        homes integer NOT NULL,
        reports integer NOT NULL,
        PRIMARY KEY (world_day, known_day, initiative_id, partner_id, municipality, year, quarter)
      )`);
    // Indexes a bulk rebuild dropped and has not made again yet (see bulk-indexes.ts).
    await q.query(`
      CREATE TABLE read_models.set_aside_index (
        index_name text PRIMARY KEY,
        definition text NOT NULL
      )`);
    // When the report's latest-dated change happened: a change dated before it is backdated.
    await q.query(
      `ALTER TABLE read_models.housing_report ADD COLUMN latest_occurred_at timestamptz`,
    );
    await q.query(
      `TRUNCATE read_models.housing_report, read_models.housing_count_change, read_models.housing_total`,
    );
    await q.query(
      `UPDATE read_models.projection_checkpoint SET position = 0 WHERE projection = 'housing'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE read_models.housing_report DROP COLUMN latest_occurred_at`);
    await q.query(`DROP TABLE read_models.housing_standing`);
    await q.query(`DROP TABLE read_models.set_aside_index`);
  }
}
