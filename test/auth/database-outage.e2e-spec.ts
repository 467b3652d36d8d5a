import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { ActiveUserCache, freePort } from '@ledger/platform';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { testConfig } from '../support/test-config';
import { as, signIn, TestUser } from '../support/auth';

/**
 * A database outage is not a bad token (issue 17, item 6). The API runs on a PostgreSQL server of
 * its own, which the test stops: a request with a valid token must then be answered 503 with
 * Retry-After, so the client keeps its session and alerting on 5xx sees the outage. Before, the
 * guard turned the failed user look-up into 401 "a valid bearer token is required".
 */
/** The built embedded-PostgreSQL starter (`npm run build` first, as for spawn-ledger). */
const EMBEDDED = join(
  __dirname,
  '..',
  '..',
  'dist/libs/platform/src/database/embedded-postgres.js',
);

/**
 * Starts or stops a PostgreSQL server of this test's own, with the ledger's embedded starter run
 * in a child process (it loads its binaries with a dynamic import, which jest's CommonJS mode
 * cannot run). Answers the server's URL.
 */
async function embeddedPostgres(
  action: 'start' | 'stop',
  dataDir: string,
  port: number,
): Promise<string> {
  const script = `
    require(${JSON.stringify(EMBEDDED)})
      .startEmbeddedPostgres({ dataDir: process.env.DIR, port: Number(process.env.PORT),
        database: 'ledger', adoptRunningServer: true })
      .then(async (server) => {
        if (process.env.ACTION === 'stop') await server.stop();
        process.stdout.write(server.url);
      });`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
    env: { ...process.env, DIR: dataDir, PORT: String(port), ACTION: action },
  });
  return stdout;
}

describe('the token check while the database is down', () => {
  let dataDir: string;
  let port: number;
  let running = false;
  let app: INestApplication;
  let user: TestUser;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-outage-pg-'));
    port = await freePort();
    const url = await embeddedPostgres('start', dataDir, port);
    running = true;
    app = await createApiApp(testConfig(url, { PROJECTOR: 'off' }), url);
    await app.init();
    user = await signIn(app, 'board');
    await as(app, user).get('/auth/me').expect(200);
    await as(app, user).get('/auth/me').expect(200); // the user now comes from memory
    await embeddedPostgres('stop', dataDir, port);
    running = false;
    // The in-memory users are dropped once the listening connection is lost, so the next
    // look-up goes to the (stopped) database, as every look-up does after a restart.
    const cache = app.get(ActiveUserCache);
    for (let i = 0; i < 500 && cache.isListening; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(cache.isListening).toBe(false);
  });

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    if (running) await embeddedPostgres('stop', dataDir, port);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a valid token 503 with Retry-After, not 401', async () => {
    const response = await as(app, user).get('/auth/me');
    expect(response.status).toBe(503);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(response.body.message).toMatch(/database/);
  });

  it('answers a login 503 with Retry-After, not 401', async () => {
    const response = await http()
      .post('/auth/login')
      .send({ username: user.username, password: user.password });
    expect(response.status).toBe(503);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('still answers a missing or broken token 401', async () => {
    await http().get('/auth/me').expect(401);
    await http().get('/auth/me').set('Authorization', 'Bearer not.a.token').expect(401);
  });
});
