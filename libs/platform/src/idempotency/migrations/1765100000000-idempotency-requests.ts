import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each Idempotency-Key was first used for (issue 17): the same key with a different body
 * must be refused, not answered "duplicate" while the new body is dropped without a word. The
 * event store keeps the command id with its events, but not what the request said, so the
 * request's fingerprint is kept here, beside the log (operational data, like the users).
 */
export class IdempotencyRequests1765100000000 implements MigrationInterface {
  name = 'IdempotencyRequests1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS idempotency`);
    await q.query(`
      CREATE TABLE idempotency.requests (
        command_id text PRIMARY KEY,
        command_type text NOT NULL,
        fingerprint text NOT NULL,
        first_seen_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA idempotency CASCADE`);
  }
}
