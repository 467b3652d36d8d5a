import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed logins per account (issue 17, item 9), so that guessing one account's password from
 * many addresses is slowed as much as from one: after a few failures the account's logins are
 * refused for a while that doubles with each further failure. In the database, not in memory,
 * so every API process counts the same failures. Keyed by the name given at login, whether or
 * not such a user exists, so the answer does not tell which names exist. Not tied to
 * auth.users: a row for an unknown name is as it is for a known one.
 */
export class LoginFailures1765000000004 implements MigrationInterface {
  name = 'LoginFailures1765000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE auth.login_failures (
        account text PRIMARY KEY,
        failures integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
        last_failure_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz
      )`);
    // Old rows are cleared by last_failure_at.
    await q.query(
      `CREATE INDEX login_failures_last_failure_at ON auth.login_failures (last_failure_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE auth.login_failures`);
  }
}
