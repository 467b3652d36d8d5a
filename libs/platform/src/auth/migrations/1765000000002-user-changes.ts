import { MigrationInterface, QueryRunner } from 'typeorm';

/** The channel on which every change to auth.users is announced (payload: the user id). */
export const USER_CHANGES_CHANNEL = 'auth_users_changed';

/**
 * Announces every change to a user (insert, update, delete; a truncate with an empty payload) on
 * USER_CHANGES_CHANNEL, whichever process or plain SQL made it, so an API process that keeps the
 * active users in memory for the token check forgets the changed one at once
 * (auth/active-user-cache.ts). NOTIFY is sent at commit, so a listener never hears of a change
 * it cannot read yet.
 */
export class UserChanges1765000000002 implements MigrationInterface {
  name = 'UserChanges1765000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION auth.announce_user_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          PERFORM pg_notify('${USER_CHANGES_CHANNEL}', '');
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM pg_notify('${USER_CHANGES_CHANNEL}', OLD.user_id::text);
        ELSE
          PERFORM pg_notify('${USER_CHANGES_CHANNEL}', NEW.user_id::text);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER user_changed AFTER INSERT OR UPDATE OR DELETE ON auth.users
        FOR EACH ROW EXECUTE FUNCTION auth.announce_user_change()`);
    await q.query(`
      CREATE TRIGGER users_truncated AFTER TRUNCATE ON auth.users
        FOR EACH STATEMENT EXECUTE FUNCTION auth.announce_user_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER users_truncated ON auth.users`);
    await q.query(`DROP TRIGGER user_changed ON auth.users`);
    await q.query(`DROP FUNCTION auth.announce_user_change()`);
  }
}
