import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where each projection remembers how far into the event log it has read. Kept in the same
 * database as the read models so a batch and its checkpoint commit in one transaction.
 */
export class ProjectionCheckpoints1764500000000 implements MigrationInterface {
  name = 'ProjectionCheckpoints1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS read_models`);
    await q.query(`
      CREATE TABLE read_models.projection_checkpoint (
        projection text PRIMARY KEY,
        position bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_models.projection_checkpoint`);
  }
}
