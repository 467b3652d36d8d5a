import { INestApplication } from '@nestjs/common';
import { Pool } from 'pg';
import { ActiveUserCache, User } from '@ledger/platform';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { testConfig } from '../support/test-config';
import { as, signIn } from '../support/auth';

/**
 * The token check keeps the active users in memory (ActiveUserCache). What a user of the API
 * must still see: a user disabled or given a new password elsewhere — by `cli users` in another
 * process, or by plain SQL — is refused from then on, and nothing stale survives a lost
 * connection.
 */
describe('the users the token check keeps in memory', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let elsewhere: Pool;
  let cache: ActiveUserCache;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApiApp(testConfig(database.url), database.url);
    await app.init();
    cache = app.get(ActiveUserCache);
    elsewhere = new Pool({ connectionString: database.url, max: 1 });
  });

  afterAll(async () => {
    await elsewhere?.end();
    await app?.close();
    await database?.drop();
  });

  /** Asks until the token is refused (401); how long that took, in ms (fails after 3 s). */
  async function refusedWithin(token: { Authorization: string }): Promise<number> {
    const started = Date.now();
    for (;;) {
      const response = await as(app, { auth: token }).get('/progress');
      if (response.status === 401) return Date.now() - started;
      expect(response.status).toBe(200);
      if (Date.now() - started > 3000) throw new Error('still let in after 3 s');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  it('listens once the API has started', () => {
    expect(cache.isListening).toBe(true);
  });

  it('refuses a user disabled by another process at once', async () => {
    const user = await signIn(app, 'board');
    await as(app, user).get('/progress').expect(200);
    await as(app, user).get('/progress').expect(200); // now from memory
    await elsewhere.query(`UPDATE auth.users SET disabled_at = now() WHERE user_id = $1`, [
      user.id,
    ]);
    expect(await refusedWithin(user.auth)).toBeLessThan(500);
  });

  it('refuses a token once another process changed the password, in the same second too', async () => {
    const user = await signIn(app, 'auditor');
    await as(app, user).get('/progress').expect(200);
    await elsewhere.query(
      `UPDATE auth.users SET password_hash = 'changed', password_changed_at = now()
        WHERE user_id = $1`,
      [user.id],
    );
    expect(await refusedWithin(user.auth)).toBeLessThan(500);
  });

  it("refuses a token once another process bumped the user's token version", async () => {
    const user = await signIn(app, 'auditor');
    await as(app, user).get('/progress').expect(200);
    await as(app, user).get('/progress').expect(200); // now from memory, with its version
    await elsewhere.query(
      `UPDATE auth.users SET token_version = token_version + 1 WHERE user_id = $1`,
      [user.id],
    );
    expect(await refusedWithin(user.auth)).toBeLessThan(500);
  });

  it('reads users from the database while it cannot listen, and listens again', async () => {
    const user = await signIn(app, 'board');
    await as(app, user).get('/progress').expect(200);
    await elsewhere.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'ledger user changes'`,
    );
    for (let i = 0; i < 100 && cache.isListening; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(cache.isListening).toBe(false);
    // Nothing is announced to it now; the change must still count at once.
    await elsewhere.query(`UPDATE auth.users SET disabled_at = now() WHERE user_id = $1`, [
      user.id,
    ]);
    await as(app, user).get('/progress').expect(401);
    for (let i = 0; i < 300 && !cache.isListening; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(cache.isListening).toBe(true);
    await as(app, user).get('/progress').expect(401);
  });

  it('stops answering from memory when announcements stop arriving on a live connection', async () => {
    // What a pooler in transaction mode or a silently dropped network looks like: the listening
    // connection stays open, but announcements no longer reach it.
    const silent = new ActiveUserCache();
    try {
      await silent.follow(database.url, { heartbeatMs: 100, probeTimeoutMs: 300 });
      expect(silent.isListening).toBe(true);
      await (
        silent as unknown as { listener: { query(sql: string): Promise<unknown> } }
      ).listener.query('UNLISTEN *');
      const until = async (listening: boolean) => {
        for (let i = 0; i < 300 && silent.isListening !== listening; i++) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        return silent.isListening;
      };
      expect(await until(false)).toBe(false);
      // It connects and listens again by itself.
      expect(await until(true)).toBe(true);
    } finally {
      await silent.onModuleDestroy();
    }
  });

  it('does not keep what it read while the user changed', async () => {
    const user = await signIn(app, 'board');
    const before = { id: user.id } as User;
    // The read overlaps a change (the change is heard while the read is under way).
    const read = await cache.lookup(user.id, async () => {
      cache.forget(user.id);
      return before;
    });
    expect(read).toBe(before);
    const after = { id: user.id } as User;
    expect(await cache.lookup(user.id, async () => after)).toBe(after);
    // Kept this time: a third lookup does not read.
    expect(
      await cache.lookup(user.id, async () => {
        throw new Error('read again');
      }),
    ).toBe(after);
  });
});
