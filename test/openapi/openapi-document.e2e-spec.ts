import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { openApiDocumentWithoutServer } from '../../apps/api/src/openapi/write-openapi';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { testConfig } from '../support/test-config';

interface Operation {
  responses: Record<string, unknown>;
  security?: Array<Record<string, string[]>>;
}
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};

/** The same public routes as test/auth/route-roles.e2e-spec.ts: the ones without a token. */
const PUBLIC_OPERATIONS = ['GET /health', 'POST /auth/login', 'GET /public/summary'];

function operations(document: Document): Array<[string, Operation]> {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]): [string, Operation] => [
      `${method.toUpperCase()} ${path}`,
      op,
    ]),
  );
}

/** Every `$ref` in the document, with the JSON path it was found at. */
function refs(value: unknown, at = '#'): Array<[string, string]> {
  if (Array.isArray(value)) return value.flatMap((v, i) => refs(v, `${at}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]): Array<[string, string]> =>
    key === '$ref' && typeof v === 'string' ? [[at, v]] : refs(v, `${at}/${key}`),
  );
}

/**
 * The OpenAPI document (issue 17, item 12) as clients fetch it: at Nest's usual /docs-json and
 * at /docs/openapi.json, every reference naming a schema that exists, every operation with its
 * client errors, the open routes marked as needing no token.
 */
describe('the OpenAPI document', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let document: Document;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApiApp(testConfig(database.url), database.url);
    await app.init();
    document = (await request(app.getHttpServer()).get('/docs-json').expect(200)).body;
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('is served at /docs-json and /docs/openapi.json, the same document', async () => {
    const second = await request(app.getHttpServer()).get('/docs/openapi.json').expect(200);
    expect(second.body).toEqual(document);
    expect(Object.keys(document.paths).length).toBeGreaterThan(50);
  });

  it('names a schema that exists in every $ref (none is "#/components/schemas/")', () => {
    const broken = refs(document)
      .filter(([, ref]) => {
        const name = ref.replace('#/components/schemas/', '');
        return (
          !ref.startsWith('#/components/schemas/') || !name || !document.components.schemas[name]
        );
      })
      .map(([at, ref]) => `${at} -> ${ref}`);
    expect(broken).toEqual([]);
    // A property whose type TypeScript could not tell Swagger becomes the empty schema `Object`.
    expect(Object.keys(document.components.schemas)).not.toContain('Object');
  });

  it('lists at least one 4xx answer for every operation', () => {
    const without = operations(document)
      .filter(([, op]) => !Object.keys(op.responses).some((code) => code.startsWith('4')))
      .map(([name]) => name);
    expect(without).toEqual([]);
  });

  it('lists 401, 403 and 429 for every operation that needs a token, 413 and 415 for every command', () => {
    const missing = operations(document).flatMap(([name, op]) => {
      if (PUBLIC_OPERATIONS.includes(name)) return [];
      const needed = ['401', '403', '429', ...(name.startsWith('POST ') ? ['413', '415'] : [])];
      return needed.filter((code) => !(code in op.responses)).map((code) => `${name} ${code}`);
    });
    expect(missing).toEqual([]);
  });

  it('says `security: []` on exactly the open routes and the bearer token on the others', () => {
    const open = operations(document)
      .filter(([, op]) => Array.isArray(op.security) && op.security.length === 0)
      .map(([name]) => name);
    expect(open.sort()).toEqual([...PUBLIC_OPERATIONS].sort());
    for (const [name, op] of operations(document)) {
      if (!PUBLIC_OPERATIONS.includes(name))
        expect([name, op.security]).toEqual([name, [{ bearer: [] }]]);
    }
  });

  it('is the same document when written without a server (npm run openapi:check)', async () => {
    const written = await openApiDocumentWithoutServer();
    expect(JSON.parse(JSON.stringify(written))).toEqual(document);
  });
});
