import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users and their roles (issue 9). Operational data outside the event log: passwords change and
 * users are disabled in place. Nothing here is replayed or projected.
 */
export class Users1765000000000 implements MigrationInterface {
  name = 'Users1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS auth`);
    await q.query(`
      CREATE TABLE auth.users (
        user_id uuid PRIMARY KEY,
        username text NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$'),
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('secretariat', 'board', 'auditor', 'admin')),
        created_at timestamptz NOT NULL DEFAULT now(),
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE auth.users`);
  }
}
