import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { testConfig } from '../support/test-config';
import { signIn, TestUser } from '../support/auth';

/** One malformed request. */
interface Attempt {
  label: string;
  path: string;
  /** A raw string is sent as is (broken JSON); anything else as JSON. */
  body: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
}

interface Operation {
  requestBody?: {
    content?: Record<string, { schema?: Schema; examples?: { example?: { value?: unknown } } }>;
  };
  parameters?: Array<{ name: string; in: string }>;
}

const SQL_AND_SCRIPT = [
  "'; DROP TABLE event_store.events; --",
  "x' OR '1'='1",
  '1; SELECT pg_sleep(5)',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '${7*7}{{7*7}}',
  '../../../etc/passwd',
  'nul\u0000byte',
];
const IMPOSSIBLE_DATES = [
  '2019-02-30',
  '2019-13-01',
  '2019-00-10',
  '2019-02-30T10:00:00Z',
  'yesterday',
  '30-02-2019',
];
const BROKEN_JSON = [
  '{"a":',
  '{',
  '[',
  '{"name": "x",}',
  "{'single': 'quotes'}",
  '{"a": undefined}',
  'nul',
  '{"a":1}{"b":2}',
];
const HUGE = 'x'.repeat(100_000);
const ALLOWED = [400, 401, 403, 404, 409, 413, 415, 422];

/** Fills the path's parameters: plausible ids (the ledger is empty, so nothing exists). */
function concretePath(template: string, value = 'hta'): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) =>
    name === 'allianceId' ? value : value === 'hta' ? `no-such-${name.toLowerCase()}` : value,
  );
}

function resolve(schema: Schema | undefined, components: Record<string, Schema>): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(components[schema.$ref.split('/').pop()!], components);
  if (schema.allOf?.length === 1) return resolve(schema.allOf[0], components);
  return schema;
}

const isDay = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value);

/** Wrong-typed stand-ins for a value of this schema. */
function wrongTypes(schema: Schema, example: unknown): unknown[] {
  const type = schema.type ?? (Array.isArray(example) ? 'array' : typeof example);
  switch (type) {
    case 'string':
      return [12345, true, { nested: 'object' }, ['list']];
    case 'integer':
    case 'number':
      return ['12', true, { n: 1 }, [1]];
    case 'boolean':
      return ['true', 1, { b: true }];
    case 'array':
      return ['not-a-list', 7, { not: 'a list' }];
    case 'object':
      return ['not-an-object', 7, ['list']];
    default:
      return [{ unexpected: true }];
  }
}

/** The malformed variants of one endpoint's example body. */
function mutations(
  path: string,
  operation: Operation,
  components: Record<string, Schema>,
): Attempt[] {
  const content = operation.requestBody?.content?.['application/json'];
  const example = (content?.examples?.example?.value ?? {}) as Record<string, unknown>;
  const schema = resolve(content?.schema, components);
  const properties = schema.properties ?? {};
  const required = schema.required ?? [];
  const url = concretePath(path);
  const attempts: Attempt[] = [];
  const add = (label: string, body: unknown, extra: Partial<Attempt> = {}) =>
    attempts.push({ label: `${path} ${label}`, path: url, body, ...extra });

  if (required.length) add('empty body', {});
  for (const field of required.slice(0, 4)) {
    const { [field]: _omitted, ...rest } = example;
    add(`without ${field}`, rest);
    add(`${field}: null`, { ...example, [field]: null });
  }
  add('an extra field', { ...example, extra: 'field' });
  add('an actor in the body', { ...example, actor: { id: 'mallory', role: 'secretariat' } });
  // `__proto__` is dropped by the parser, so it rides along with an unknown field.
  add(
    'a prototype key',
    `{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, ${JSON.stringify(example).slice(1)}`.replace(
      /, }$/,
      '}',
    ),
    { contentType: 'application/json' },
  );

  for (const [field, raw] of Object.entries(properties).slice(0, 8)) {
    const fieldSchema = resolve(raw, components);
    const value = example[field];
    for (const wrong of wrongTypes(fieldSchema, value)) {
      add(`${field} of the wrong type ${JSON.stringify(wrong)}`, { ...example, [field]: wrong });
    }
    const type = fieldSchema.type ?? typeof value;
    if (type === 'string') {
      add(`${field} of 100 kB`, { ...example, [field]: HUGE });
      if (isDay(value) || /(On|At)$/.test(field)) {
        for (const day of IMPOSSIBLE_DATES) add(`${field} ${day}`, { ...example, [field]: day });
      } else if (
        fieldSchema.enum ||
        /Id$|^id$/.test(field) ||
        (fieldSchema as { pattern?: string }).pattern
      ) {
        for (const fragment of SQL_AND_SCRIPT) {
          add(`${field} ${fragment}`, { ...example, [field]: fragment });
        }
      }
    }
    if (type === 'integer' || type === 'number') {
      // Only numbers the schema rules out: below its minimum, above its maximum, or a fraction.
      const { minimum, maximum } = fieldSchema as { minimum?: number; maximum?: number };
      const outOfRange = (n: number) =>
        (minimum !== undefined && n < minimum) ||
        (maximum !== undefined && n > maximum) ||
        (type === 'integer' && !Number.isInteger(n));
      for (const n of [-1, 0, 2.5, -0.5, 1e308].filter(outOfRange)) {
        add(`${field} ${n}`, { ...example, [field]: n });
      }
    }
    if (type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
      add(`${field} with an extra field`, { ...example, [field]: { ...value, extra: 1 } });
      for (const [inner, innerValue] of Object.entries(value as Record<string, unknown>)) {
        if (typeof innerValue === 'number') {
          add(`${field}.${inner} fractional`, { ...example, [field]: { ...value, [inner]: 0.5 } });
          add(`${field}.${inner} negative`, { ...example, [field]: { ...value, [inner]: -3 } });
        }
        if (isDay(innerValue)) {
          add(`${field}.${inner} 2019-02-30`, {
            ...example,
            [field]: { ...value, [inner]: '2019-02-30' },
          });
        }
      }
    }
    if (type === 'array' && Array.isArray(value)) {
      add(`${field} with a wrong-typed entry`, { ...example, [field]: [...value, 42] });
      add(`${field} with 100 kB entries`, { ...example, [field]: Array(3).fill(HUGE) });
    }
  }
  // Broken JSON, and bodies that are not JSON objects at all.
  for (const broken of BROKEN_JSON)
    add(`broken JSON ${broken}`, broken, { contentType: 'application/json' });
  add('a JSON array', [example]);
  add('a JSON string', '"just a string"', { contentType: 'application/json' });
  // Wrong content types: the body is not read as JSON, so required fields are missing.
  add('as text/plain', JSON.stringify(example), { contentType: 'text/plain' });
  add('as XML', '<alliance><name>x</name></alliance>', { contentType: 'application/xml' });
  add('as a form', 'name=x&goal=2300', { contentType: 'application/x-www-form-urlencoded' });
  add('in UTF-16', JSON.stringify(example), { contentType: 'application/json; charset=utf-16' });
  // Hostile path parameters and command ids.
  if (/\{\w+\}/.test(path)) {
    for (const fragment of SQL_AND_SCRIPT.slice(0, 5)) {
      attempts.push({
        label: `${path} with the path parameter ${fragment}`,
        path: concretePath(path, encodeURIComponent(fragment)),
        body: example,
      });
    }
  }
  if (path !== '/persons' && path !== '/auth/login') {
    add('with an Idempotency-Key holding SQL', example, {
      headers: { 'Idempotency-Key': "k'; DELETE FROM event_store.commands; --" },
    });
  }
  return attempts;
}

describe('bad input, tried in bulk on every write endpoint', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let secretariat: TestUser;
  let attempts: Attempt[];
  const eventCount = async (): Promise<number> =>
    (await app.get(DataSource).query(`SELECT count(*)::int AS n FROM event_store.events`))[0].n;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApiApp(testConfig(database.url), database.url);
    await app.init();
    secretariat = await signIn(app, 'secretariat');
    // A little history, so commands on the alliance get past "not founded" to their own checks.
    await request(app.getHttpServer())
      .post('/alliance')
      .set(secretariat.auth)
      .send({
        allianceId: 'hta',
        name: 'Hjem til Alle',
        goal: { homes: 2300, fromYear: 2016, toYear: 2026 },
        occurredAt: '2016-01-01',
      })
      .expect(201);
    const { body } = await request(app.getHttpServer()).get('/docs/openapi.json').expect(200);
    const components = (body.components?.schemas ?? {}) as Record<string, Schema>;
    attempts = Object.entries(body.paths as Record<string, { post?: Operation }>).flatMap(
      ([path, methods]) => (methods.post ? mutations(path, methods.post, components) : []),
    );
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  async function send(attempt: Attempt, auth?: { Authorization: string }) {
    let test = request(app.getHttpServer()).post(attempt.path);
    if (auth) test = test.set(auth);
    for (const [name, value] of Object.entries(attempt.headers ?? {})) test = test.set(name, value);
    if (attempt.contentType) test = test.set('Content-Type', attempt.contentType);
    const response = await test.send(attempt.body as object);
    return response;
  }

  it('covers every POST of the OpenAPI document with hundreds of malformed requests', () => {
    const endpoints = new Set(attempts.map((a) => a.label.split(' ')[0]));
    expect(endpoints.size).toBeGreaterThanOrEqual(39);
    expect(attempts.length).toBeGreaterThan(500);
  });

  it('never answers 500 and records nothing, with a secretariat token and without one', async () => {
    const before = await eventCount();
    const unexpected: Array<{ label: string; token: boolean; status: number; body: unknown }> = [];
    const seen = new Map<number, number>();
    for (const token of [true, false]) {
      for (const attempt of attempts) {
        const response = await send(attempt, token ? secretariat.auth : undefined);
        seen.set(response.status, (seen.get(response.status) ?? 0) + 1);
        const text = JSON.stringify(response.body ?? '');
        const leaks = /node_modules|at \w+ \(|QueryFailedError|SELECT |syntax error at/.test(text);
        const wrongStatus = !ALLOWED.includes(response.status);
        // Without a token the guard answers 401 unless the body parser refused first.
        const wrongWithoutToken = !token && ![400, 401, 413, 415].includes(response.status);
        if (wrongStatus || leaks || wrongWithoutToken) {
          unexpected.push({
            label: attempt.label,
            token,
            status: response.status,
            body: response.body,
          });
        }
      }
    }
    expect(unexpected).toEqual([]);
    expect(await eventCount()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(seen.get(500)).toBeUndefined();
    // Both kinds of refusal were exercised in bulk.
    expect(seen.get(400)).toBeGreaterThan(200);
    expect(seen.get(401)).toBeGreaterThan(200);
  });
});
