import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../apps/api/src/create-api-app';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { testConfig } from './support/test-config';

describe('a running ledger (GET /health, /docs)', () => {
  let database: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApiApp(testConfig(database.url), database.url);
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('reports the database up', async () => {
    const response = await request(app.getHttpServer()).get('/health').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.info.database).toEqual({ status: 'up' });
  });

  it('has applied the migrations to its fresh database', async () => {
    const response = await request(app.getHttpServer()).get('/health').expect(200);
    expect(response.body.info.projections.status).toBe('up');
    // The in-process projector: applying, or about to (it has no trouble to report).
    expect(response.body.info.projector).toEqual({
      status: 'up',
      inProcess: true,
      active: expect.any(Boolean),
    });
    expect(response.body.info.eventStore).toEqual({
      status: 'up',
      kind: 'postgres',
      headPosition: 0,
    });
  });

  it('serves the OpenAPI document and its page', async () => {
    const document = await request(app.getHttpServer()).get('/docs/openapi.json').expect(200);
    expect(document.body.info.title).toContain('Hjem til Alle');
    expect(Object.keys(document.body.paths)).toContain('/health');
    const page = await request(app.getHttpServer()).get('/docs').expect(200);
    expect(page.text).toContain('swagger');
  });

  it('answers every request with a request id, keeping one the caller sent', async () => {
    const fresh = await request(app.getHttpServer()).get('/health');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await request(app.getHttpServer())
      .get('/health')
      .set('X-Request-Id', 'board-meeting-42');
    expect(kept.headers['x-request-id']).toBe('board-meeting-42');
  });
});

describe('GET /health with EVENT_STORE=eventstoredb and no server there', () => {
  let database: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = testConfig(database.url, {
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING:
        'esdb://127.0.0.1:1?tls=false&defaultDeadline=1500&maxDiscoverAttempts=1',
      PROJECTOR: 'off',
    });
    app = await createApiApp(config, database.url);
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('reports the event store down and the service unavailable, the database still up', async () => {
    const response = await request(app.getHttpServer()).get('/health').expect(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.body.details.database).toEqual({ status: 'up' });
    expect(response.body.details.projector).toEqual({ status: 'up', inProcess: false });
    expect(response.body.details.eventStore).toMatchObject({
      status: 'down',
      kind: 'eventstoredb',
    });
  });
});
