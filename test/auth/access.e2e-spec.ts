import { INestApplication, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { UsersService } from '@ledger/platform';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../apps/api/src/auth/authenticated-user';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { testConfig } from '../support/test-config';
import { as, signIn, TestUser } from '../support/auth';

const alliance = {
  allianceId: 'hta',
  name: 'Hjem til Alle',
  goal: { homes: 2300, fromYear: 2016, toYear: 2026 },
  occurredAt: '2016-01-01',
};

describe('who may do what (users, roles, tokens)', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let firstAdminLines: string[];
  let secretariat: TestUser;
  let board: TestUser;
  let auditor: TestUser;
  let admin: TestUser;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    database = await createTestDatabase();
    const warn = jest.spyOn(Logger.prototype, 'warn');
    app = await createApiApp(testConfig(database.url), database.url);
    await app.init();
    firstAdminLines = warn.mock.calls
      .map(([message]) => String(message))
      .filter((message) => message.includes('first administrator'));
    warn.mockRestore();
    secretariat = await signIn(app, 'secretariat');
    board = await signIn(app, 'board');
    auditor = await signIn(app, 'auditor');
    admin = await signIn(app, 'admin');
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  describe('the first start', () => {
    it('made the user admin and printed its password once, saying it is shown only once', async () => {
      expect(firstAdminLines).toHaveLength(1);
      expect(firstAdminLines[0]).toMatch(/Username: admin {2}Password: \S{20,} /);
      expect(firstAdminLines[0]).toContain('SHOWN ONLY THIS ONCE');
      const password = /Password: (\S+)/.exec(firstAdminLines[0])![1];
      const login = await http()
        .post('/auth/login')
        .send({ username: 'admin', password })
        .expect(200);
      expect(login.body.role).toBe('admin');
      // A second app on the same database finds a user and makes none.
      expect(await app.get(UsersService).createFirstAdmin()).toBeUndefined();
    });

    it('keeps only an argon2id hash of each password', async () => {
      const [row] = await app
        .get(UsersService)
        ['users'].query(`SELECT password_hash FROM auth.users WHERE user_id = $1`, [
          secretariat.id,
        ]);
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$/);
      expect(row.password_hash).not.toContain(secretariat.password);
    });
  });

  describe('POST /auth/login', () => {
    it('answers a bearer token that expires, and the role', async () => {
      const { body } = await http()
        .post('/auth/login')
        .send({ username: board.username, password: board.password })
        .expect(200);
      expect(body).toEqual({
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        tokenType: 'Bearer',
        expiresIn: 8 * 3600,
        role: 'board',
      });
      const claims = app.get(JwtService).decode(body.accessToken);
      expect(claims.exp - claims.iat).toBe(8 * 3600);
      expect(claims.sub).toBe(board.id);
      const me = await http()
        .get('/auth/me')
        .set('Authorization', `Bearer ${body.accessToken}`)
        .expect(200);
      expect(me.body).toEqual({ id: board.id, username: board.username, role: 'board' });
    });

    it('answers 401 alike for a wrong password and an unknown user, and 400 for a bad body', async () => {
      const wrong = await http()
        .post('/auth/login')
        .send({ username: board.username, password: 'not-the-password' })
        .expect(401);
      const unknown = await http()
        .post('/auth/login')
        .send({ username: 'nobody', password: 'not-the-password' })
        .expect(401);
      expect(wrong.body).toEqual(unknown.body);
      const missing = await http().post('/auth/login').send({ username: 'x' }).expect(400);
      expect(missing.body.fields).toEqual([
        { field: 'password', rule: 'required', message: 'is required' },
      ]);
      const misnamed = await http()
        .post('/auth/login')
        .send({ email: 'x', password: 'y' })
        .expect(400);
      expect(misnamed.body.fields).toEqual([
        { field: 'email', rule: 'known-field', message: 'is not a field of this command' },
        { field: 'username', rule: 'required', message: 'is required' },
      ]);
      await http()
        .post('/auth/login')
        .send({ username: 'x', password: 'y', role: 'admin' })
        .expect(400);
    });
  });

  describe('tokens', () => {
    it('answers 401 without a token, with a broken one, a forged one and an expired one', async () => {
      await http().get('/progress').expect(401);
      await http().post('/alliance').send(alliance).expect(401);
      await http().get('/progress').set('Authorization', 'Bearer not.a.token').expect(401);
      await http().get('/progress').set('Authorization', secretariat.token).expect(401);
      const forged = new JwtService({ secret: 'x'.repeat(64) }).sign(
        { sub: secretariat.id, role: 'secretariat' },
        { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, expiresIn: 3600 },
      );
      await http().get('/progress').set('Authorization', `Bearer ${forged}`).expect(401);
      const expired = app.get(JwtService).sign(
        {
          sub: secretariat.id,
          role: 'secretariat',
          iat: Math.floor(Date.now() / 1000) - 7200,
          exp: Math.floor(Date.now() / 1000) - 60,
        },
        { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE },
      );
      const response = await http()
        .get('/progress')
        .set('Authorization', `Bearer ${expired}`)
        .expect(401);
      expect(response.body.message).toMatch(/expired/);
      // A token with no expiry at all is refused too? No: every token the ledger signs has one.
      const claims = app.get(JwtService).decode(secretariat.token);
      expect(claims.exp).toBeGreaterThan(claims.iat);
    });

    it('stops working when its user is disabled or changes password', async () => {
      const users = app.get(UsersService);
      const temp = await signIn(app, 'board', '0000dead-0000-4000-8000-000000000002');
      await as(app, temp).get('/progress').expect(200);
      await users.disable(temp.username);
      await as(app, temp).get('/progress').expect(401);
      await http()
        .post('/auth/login')
        .send({ username: temp.username, password: temp.password })
        .expect(401);

      const other = await signIn(app, 'auditor', '0000dead-0000-4000-8000-000000000003');
      await as(app, other).get('/progress').expect(200);
      const fresh = await users.setPassword(other.username);
      await as(app, other).get('/progress').expect(401);
      const again = await http()
        .post('/auth/login')
        .send({ username: other.username, password: fresh })
        .expect(200);
      await http()
        .get('/progress')
        .set('Authorization', `Bearer ${again.body.accessToken}`)
        .expect(200);
    });
  });

  describe('revoking tokens by version (issue 17, item 10)', () => {
    /** Date (only Date) frozen at a moment 200 ms into a second; timers and I/O run as usual. */
    function freezeClockAt(ms: number): void {
      jest.useFakeTimers({
        now: ms,
        doNotFake: [
          'hrtime',
          'nextTick',
          'performance',
          'queueMicrotask',
          'setImmediate',
          'clearImmediate',
          'setInterval',
          'clearInterval',
          'setTimeout',
          'clearTimeout',
        ],
      });
    }

    it('refuses a token issued in the same second as the password change after it', async () => {
      const users = app.get(UsersService);
      const user = await signIn(app, 'board', '0000dead-0000-4000-8000-000000000004');
      // The clock stands still, so the login's `iat` and the change's password_changed_at fall
      // in one second every time: the old check (iat < the change's whole second) let exactly
      // this token through, on every run.
      freezeClockAt((Math.floor(Date.now() / 1000) + 1) * 1000 + 200);
      try {
        const login = await http()
          .post('/auth/login')
          .send({ username: user.username, password: user.password })
          .expect(200);
        const token = { Authorization: `Bearer ${login.body.accessToken}` };
        await as(app, { auth: token }).get('/progress').expect(200);
        await users.setPassword(user.username);
        const [row] = await app.get(UsersService)['users'].query(
          `SELECT extract(epoch FROM password_changed_at)::float8 AS changed FROM auth.users
              WHERE user_id = $1`,
          [user.id],
        );
        const { iat } = app.get(JwtService).decode(login.body.accessToken);
        expect(Math.floor(row.changed)).toBe(iat);
        const refused = await as(app, { auth: token }).get('/progress').expect(401);
        expect(refused.body.message).toMatch(/revoked/);
      } finally {
        jest.useRealTimers();
      }
    });

    it('carries the version in the token and refuses one without it or with another', async () => {
      const user = await signIn(app, 'auditor', '0000dead-0000-4000-8000-000000000005');
      const claims = app.get(JwtService).decode(user.token);
      expect(claims.ver).toEqual(expect.any(Number));
      const sign = (extra: object) =>
        app
          .get(JwtService)
          .sign(
            { sub: user.id, role: 'auditor', ...extra },
            { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, expiresIn: 3600 },
          );
      await http()
        .get('/progress')
        .set('Authorization', `Bearer ${sign({})}`)
        .expect(401);
      await http()
        .get('/progress')
        .set('Authorization', `Bearer ${sign({ ver: claims.ver + 1 })}`)
        .expect(401);
      await http()
        .get('/progress')
        .set('Authorization', `Bearer ${sign({ ver: claims.ver })}`)
        .expect(200);
    });
  });

  describe('roles', () => {
    it('lets the secretariat record, and nobody else (403)', async () => {
      for (const user of [board, auditor, admin]) {
        const response = await as(app, user).post('/alliance').send(alliance).expect(403);
        expect(response.body.message).toContain('secretariat');
      }
      await as(app, secretariat).post('/alliance').send(alliance).expect(201);
    });

    it('lets the secretariat, the board and the auditor read, and not the admin', async () => {
      for (const user of [secretariat, board, auditor]) {
        await as(app, user).get('/progress').expect(200);
        await as(app, user).get('/governance/composition').expect(200);
        await as(app, user).get('/partners').expect(200);
      }
      await as(app, admin).get('/progress').expect(403);
    });

    it("records the logged-in user as every event's actor, whatever the body says", async () => {
      const store = app.get<EventStore>(EVENT_STORE);
      const response = await as(app, secretariat)
        .post('/partners')
        .send({ partnerId: 'kab', name: 'KAB', sector: 'social-housing' })
        .expect(201);
      const [event] = await store.readStream(response.body.streamId);
      expect(event.actor).toEqual({ id: secretariat.id, role: 'secretariat' });
      const [founding] = await store.readStream('alliance-hta');
      expect(founding.actor).toEqual({ id: secretariat.id, role: 'secretariat' });
      // An actor in the body is an unknown field: 400, nothing recorded.
      await as(app, secretariat)
        .post('/partners')
        .send({
          partnerId: 'bikubenfonden',
          name: 'Bikubenfonden',
          sector: 'foundation',
          actor: { id: 'someone-else', role: 'secretariat' },
        })
        .expect(400);
      expect(await store.readStream('partner-bikubenfonden')).toEqual([]);
    });
  });

  describe('open endpoints and hardening', () => {
    it('keeps /health, /docs and the OpenAPI document open, with security headers', async () => {
      const health = await http().get('/health').expect(200);
      expect(health.headers['x-powered-by']).toBeUndefined();
      expect(health.headers['content-security-policy']).toContain("default-src 'none'");
      expect(health.headers['x-content-type-options']).toBe('nosniff');
      const page = await http().get('/docs').expect(200);
      expect(page.text).toContain('swagger-ui');
      // Swagger UI loads its own scripts and inline styles: the page's policy allows exactly that.
      const csp = page.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self' https: 'unsafe-inline'");
      expect(csp).not.toContain("default-src 'none'");
      await http().get('/docs/swagger-ui-init.js').expect(200);
      await http().get('/docs/swagger-ui-bundle.js').expect(200);
      const document = await http().get('/docs/openapi.json').expect(200);
      expect(document.body.components.securitySchemes.bearer).toMatchObject({ scheme: 'bearer' });
      expect(document.body.paths['/progress'].get.security).toEqual([{ bearer: [] }]);
    });

    it('sends no CORS headers unless CORS_ORIGINS lists the origin', async () => {
      const response = await http()
        .get('/health')
        .set('Origin', 'https://evil.example')
        .expect(200);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await http()
        .options('/progress')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'GET');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('answers 413 to a body over 1 MB, and records nothing', async () => {
      const huge = { ...alliance, allianceId: 'big', name: 'x'.repeat(1_100_000) };
      const response = await as(app, secretariat).post('/alliance').send(huge).expect(413);
      expect(response.body).toEqual({
        statusCode: 413,
        error: 'Payload Too Large',
        message: 'request entity too large',
      });
      expect(await app.get<EventStore>(EVENT_STORE).readStream('alliance-big')).toEqual([]);
      await as(app, secretariat)
        .post('/alliance')
        .send({ ...alliance, name: 'x'.repeat(200_000) })
        .expect(400);
    });

    it('answers broken JSON with 400 and no stack trace', async () => {
      const response = await as(app, secretariat)
        .post('/partners')
        .set('Content-Type', 'application/json')
        .send('{"partnerId": "kab",')
        .expect(400);
      expect(JSON.stringify(response.body)).not.toMatch(/at .*\.js|node_modules|SyntaxError: /);
    });
  });
});

describe('CORS_ORIGINS and rate limits', () => {
  let database: TestDatabase;
  let app: INestApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApiApp(
      testConfig(database.url, {
        CORS_ORIGINS: 'https://dashboard.hjemtilalle.example',
        RATE_LIMIT_PER_MINUTE: '40',
        LOGIN_RATE_LIMIT_PER_MINUTE: '5',
      }),
      database.url,
    );
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('allows the listed origin only', async () => {
    const listed = await http()
      .options('/progress')
      .set('Origin', 'https://dashboard.hjemtilalle.example')
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'authorization');
    expect(listed.headers['access-control-allow-origin']).toBe(
      'https://dashboard.hjemtilalle.example',
    );
    const other = await http().get('/health').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers 429 to the sixth login a minute from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await http()
        .post('/auth/login')
        .send({ username: 'admin', password: `guess-${i}` });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const refused = await http().post('/auth/login').send({ username: 'admin', password: 'x' });
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after-login']).toBeDefined();
  });

  it('answers 429 past the global limit, but never to /health', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) statuses.push((await http().get('/progress')).status);
    // 40 a minute: the first 40 pass the throttler (and are refused 401: no token), then 429.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(40);
    expect(statuses.slice(-3)).toEqual([429, 429, 429]);
    for (let i = 0; i < 5; i++) await http().get('/health').expect(200);
  });
});
