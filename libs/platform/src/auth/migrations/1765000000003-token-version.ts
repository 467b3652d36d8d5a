import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revoking tokens by a version number on the user (issue 17, item 10). A token carries the
 * version its user had when it was issued (claim `ver`) and is refused once the user's version
 * differs. Comparing the token's `iat` (whole seconds) with `password_changed_at` let a token
 * issued in the same second as a password change survive it.
 *
 * The version is bumped here, by a trigger, whenever the password, the role or `disabled_at`
 * changes — through UsersService, `cli users` in another process or plain SQL alike — so no
 * path that changes a user can forget to revoke its tokens. Setting `token_version` by hand
 * (`token_version + 1`) revokes a user's tokens without any other change.
 */
export class TokenVersion1765000000003 implements MigrationInterface {
  name = 'TokenVersion1765000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE auth.users ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
    await q.query(`
      CREATE FUNCTION auth.bump_token_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.token_version := OLD.token_version + 1;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tokens_revoked BEFORE UPDATE ON auth.users FOR EACH ROW
        WHEN (OLD.password_hash IS DISTINCT FROM NEW.password_hash
           OR OLD.password_changed_at IS DISTINCT FROM NEW.password_changed_at
           OR OLD.role IS DISTINCT FROM NEW.role
           OR OLD.disabled_at IS DISTINCT FROM NEW.disabled_at)
        EXECUTE FUNCTION auth.bump_token_version()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tokens_revoked ON auth.users`);
    await q.query(`DROP FUNCTION auth.bump_token_version()`);
    await q.query(`ALTER TABLE auth.users DROP COLUMN token_version`);
  }
}
