import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { ApiModule } from '../../apps/api/src/api.module';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { testConfig } from '../support/test-config';
import { signIn } from '../support/auth';
import { appRoutes } from '../support/app-routes';

interface Route {
  controller: string;
  handler: string;
  method: string;
  path: string;
  roles?: string[];
  isPublic: boolean;
}

/**
 * The routes anyone may call without a token. Adding a `@Public()` route means adding it here,
 * on purpose: /health (probes), logging in, and the public summary (apps/api/src/public).
 */
const PUBLIC_ROUTES = ['GET /health', 'POST /auth/login', 'GET /public/summary'];

/** A controller someone forgot to give roles, for the fail-closed check. */
@Controller('forgotten')
class ForgottenController {
  @Get()
  secrets() {
    return { secret: 'nobody should see this' };
  }
}

@Module({ controllers: [ForgottenController] })
class ForgottenModule {}

/** Every route of the running app, with what it declares. */
function routesOf(app: INestApplication): Route[] {
  return appRoutes(app).map(({ controller, handler, method, path, roles, isPublic }) => ({
    controller: controller.name,
    handler,
    method,
    path,
    roles,
    isPublic,
  }));
}

describe('every route declares who may call it (@Roles or @Public)', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let routes: Route[];

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApiApp(testConfig(database.url), database.url);
    await app.init();
    routes = routesOf(app);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('finds the routes of every controller', () => {
    expect(routes.length).toBeGreaterThan(45);
    const controllers = new Set(routes.map((r) => r.controller));
    for (const name of ['HealthController', 'AuthController', 'PersonsController']) {
      expect(controllers).toContain(name);
    }
  });

  it('has no route without @Roles or @Public', () => {
    const undeclared = routes.filter((r) => !r.isPublic && !r.roles?.length);
    expect(undeclared.map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`)).toEqual(
      [],
    );
  });

  it('opens only the routes meant to be public', () => {
    expect(
      routes
        .filter((r) => r.isPublic)
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    ).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('keeps the raw log and the audit endpoints for the auditor', () => {
    const audit = routes.filter((r) => r.path.startsWith('/audit'));
    for (const route of audit) {
      expect({ route: route.path, roles: route.roles }).toEqual({
        route: route.path,
        roles: ['auditor'],
      });
    }
  });

  it('lets only the secretariat write, and never the admin read the ledger', () => {
    for (const route of routes.filter((r) => r.method === 'POST' && !r.isPublic)) {
      expect({ route: route.path, roles: route.roles }).toEqual({
        route: route.path,
        roles: ['secretariat'],
      });
    }
    for (const route of routes.filter((r) => r.roles?.length && r.path !== '/auth/me')) {
      expect({ route: route.path, admin: route.roles!.includes('admin') }).toEqual({
        route: route.path,
        admin: false,
      });
    }
  });
});

describe('a route that declares no roles (fail closed)', () => {
  let database: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = testConfig(database.url);
    const moduleRef = await Test.createTestingModule({
      imports: [ApiModule.forRoot(config, database.url), ForgottenModule],
    }).compile();
    app = moduleRef.createNestApplication();
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('is refused to everyone: 401 without a token, 403 to every role with one', async () => {
    expect(routesOf(app).find((r) => r.controller === 'ForgottenController')).toMatchObject({
      isPublic: false,
      roles: undefined,
    });
    await request(app.getHttpServer()).get('/forgotten').expect(401);
    for (const role of ['secretariat', 'board', 'auditor', 'admin'] as const) {
      const user = await signIn(app, role);
      const response = await request(app.getHttpServer()).get('/forgotten').set(user.auth);
      expect({ role, status: response.status }).toEqual({ role, status: 403 });
      expect(response.body.message).toContain('declares no roles');
    }
  });
});
