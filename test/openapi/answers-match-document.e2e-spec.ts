import { INestApplication } from '@nestjs/common';
import Ajv, { type ValidateFunction } from 'ajv';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { signIn, type TestUser } from '../support/auth';
import { projectionsCaughtUp } from '../support/ledger-events';
import { testConfig } from '../support/test-config';
import { createTestDatabase, TestDatabase } from '../support/test-database';

type Json = Record<string, unknown>;

/**
 * OpenAPI 3.0 schemas as JSON Schema for ajv: `nullable` becomes "or null", and an object with
 * listed properties and no `additionalProperties` allows no others, so a field the API answers
 * but the document does not name fails too (the dashboard's types would not know it).
 */
function asJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asJsonSchema);
  if (value === null || typeof value !== 'object') return value;
  const { nullable, ...rest } = value as Json;
  const schema = Object.fromEntries(
    Object.entries(rest).map(([key, v]) => [
      key,
      key === '$ref' ? `document${String(v)}` : key === 'example' ? v : asJsonSchema(v),
    ]),
  );
  if (schema.properties && schema.additionalProperties === undefined) {
    schema.additionalProperties = false;
  }
  return nullable ? { anyOf: [schema, { type: 'null' }] } : schema;
}

/**
 * The read API's real answers, on the demo history, against the schemas the OpenAPI document
 * gives them (issue 17, item 12): the dashboard's types come from those schemas, so an answer
 * that differs would be a type the dashboard trusts wrongly.
 */
describe('the answers of the read API match the OpenAPI document', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let board: TestUser;
  let document: { paths: Record<string, Record<string, { responses: Json }>> };
  const ajv = new Ajv({
    strict: false,
    validateFormats: false,
    validateSchema: false,
    allErrors: true,
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApiApp(testConfig(database.url, { SEED_DEMO_DATA: 'true' }), database.url);
    await app.init();
    await projectionsCaughtUp(app);
    board = await signIn(app, 'board');
    document = (await request(app.getHttpServer()).get('/docs-json').expect(200)).body;
    ajv.addSchema(asJsonSchema(document) as Json, 'document');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  function validator(path: string): ValidateFunction {
    const ok = document.paths[path].get.responses['200'] as {
      content: { 'application/json': { schema: Json } };
    };
    return ajv.compile(asJsonSchema(ok.content['application/json'].schema) as Json);
  }

  it.each([
    ['/progress', '/progress'],
    ['/progress', '/progress?asOf=2019-06-30&knownOn=2019-06-30'],
    ['/progress/reports/{reportId}/history', '/progress/reports/ukhome-2022-aarhus/history'],
    ['/governance/composition', '/governance/composition?asOf=2019-06-30'],
    ['/governance/timeline', '/governance/timeline?pageSize=500'],
    ['/partners', '/partners'],
    ['/partners/{partnerId}', '/partners/odense-kommune'],
    ['/initiatives', '/initiatives'],
    ['/initiatives/{initiativeId}', '/initiatives/kollegiemodellen'],
    ['/public/summary', '/public/summary'],
  ])('GET %s (%s)', async (path, url) => {
    const response = await request(app.getHttpServer()).get(url).set(board.auth).expect(200);
    const validate = validator(path);
    validate(response.body);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('would catch an answer with a field the document lacks, or of another type', async () => {
    const response = await request(app.getHttpServer()).get('/progress').set(board.auth);
    const validate = validator('/progress');
    expect(validate(response.body)).toBe(true);
    expect(validate({ ...response.body, undocumented: 1 })).toBe(false);
    expect(validate({ ...response.body, homes: String(response.body.homes) })).toBe(false);
    expect(validate({ ...response.body, goal: { ...response.body.goal, homes: null } })).toBe(
      false,
    );
  });
});
