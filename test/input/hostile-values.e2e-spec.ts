import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { DemoDataSeeder } from '@ledger/application';
import { signIn, TestUser } from '../support/auth';
import { projectionsCaughtUp } from '../support/ledger-events';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { testConfig } from '../support/test-config';
import { FieldPath, fieldName, RouteInputs, routeInputsOf, withValue } from './route-inputs';

/**
 * Issue 17, item 8: every input of every route, each given a list of hostile values, on a ledger
 * holding the demo history. Nothing may answer 500, nothing may be recorded, and what a text
 * field can never hold (NUL, a lone surrogate, bytes that are not UTF-8) and what a date
 * parameter can never be (an impossible day, a year outside 1900-2200) is a 400 naming the field.
 */

const IMPOSSIBLE_DATES = [
  '2020-02-30',
  '2020-13-45',
  '2019-00-10',
  '2019-04-31',
  '2020-02-30T10:00:00Z',
  '2020-01-01T25:61:00Z',
];
const EXTREME_YEARS = [
  '0000-01-01',
  '9999-12-31',
  '1899-12-31',
  '2201-01-01',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999999-14:00',
  '+275760-09-13',
  '-000001-01-01',
];
const HUGE_NUMBERS = [
  '9999999999999999999999',
  '9007199254740993',
  '1e308',
  '-1',
  '0',
  '1.5',
  'NaN',
  'Infinity',
  '0x10',
];
/** What no text field may hold: a 400 naming the field wherever they are sent. */
const NUL = ['a\u0000b', '\u0000'];
const LONE_SURROGATES = ['\ud800', 'a\udc00b', '\udfff\ud800'];
const CONTROLS = [
  '\u0001\u0002',
  '\u001b[31mred',
  '\u007f',
  'line\r\nbreak',
  '\u202ertl',
  '\ufeff',
];
const LONG = ['x'.repeat(100_000)];

const DATE_VALUES = [...IMPOSSIBLE_DATES, ...EXTREME_YEARS];
const STRINGS = [...DATE_VALUES, ...HUGE_NUMBERS, ...NUL, ...LONE_SURROGATES, ...CONTROLS, ...LONG];
/** In a body, JSON values besides strings. */
const JSON_VALUES: unknown[] = [1e308, -1, 1e22, 0.5, true, null, {}, [], [[]]];

/**
 * Query and path values as they travel in a URL, already percent-encoded: bytes that are not
 * UTF-8 (a lone surrogate has no UTF-8 form; `%ED%A0%80` is its WTF-8 spelling) and broken escapes.
 */
const RAW_NOT_UTF8 = ['%FF', '%ED%A0%80', 'a%C0%AFb', '%E2%82', '%F4%90%80%80'];
const RAW_MALFORMED = ['%', '%G0', '100%'];

/** Parameters that are dates: one rule for all of them (a real day or instant, 1900-2200). */
const DATE_PARAMS = new Set(['asOf', 'knownOn', 'from', 'to', 'on']);

/**
 * Parameters a route checks before the others (explain wants a figure first), given so that the
 * hostile value in another parameter is what the answer is about.
 */
const BASE_QUERY: Record<string, Record<string, string>> = {
  '/audit/explain': { figure: 'homes' },
};

const ALLOWED = [400, 401, 403, 404, 409, 413, 414, 415, 422, 431];

interface Outcome {
  what: string;
  status: number;
  body: unknown;
}

/** Encodes a JS string for a URL; a lone surrogate (which encodeURIComponent refuses) as WTF-8. */
function encode(value: string): string {
  return [...value]
    .map((ch) =>
      !(ch.length === 1 && /[\ud800-\udfff]/.test(ch))
        ? encodeURIComponent(ch)
        : Buffer.from([
            0xe0 | (ch.charCodeAt(0) >> 12),
            0x80 | ((ch.charCodeAt(0) >> 6) & 0x3f),
            0x80 | (ch.charCodeAt(0) & 0x3f),
          ])
            .toString('hex')
            .replace(/(..)/g, '%$1')
            .toUpperCase(),
    )
    .join('');
}

/** Whether a 400 names this field (the validation's fields, or the audit tools' field). */
function names(body: unknown, field: string): boolean {
  const fields = (body as { fields?: Array<{ field: string }> })?.fields ?? [];
  return fields.some((f) => f.field === field);
}

describe('hostile values in every parameter of every route (issue 17, item 8)', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let routes: RouteInputs[];
  let examples: Map<string, unknown>;
  const users = new Map<string, TestUser>();
  const eventCount = async (): Promise<number> =>
    (await app.get(DataSource).query(`SELECT count(*)::int AS n FROM event_store.events`))[0].n;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApiApp(testConfig(database.url), database.url);
    await app.init();
    // The demo history, so queries have rows to read and commands on `hta` get to their checks.
    await app.get(DemoDataSeeder).seed();
    await projectionsCaughtUp(app);
    for (const role of ['secretariat', 'board', 'auditor', 'admin'] as const) {
      users.set(role, await signIn(app, role));
    }
    routes = routeInputsOf(app);
    // Each command's documented example body, so one hostile field is the only thing wrong.
    const { body } = await request(app.getHttpServer())
      .get('/docs/openapi.json')
      .set(users.get('secretariat')!.auth);
    examples = new Map();
    for (const [path, methods] of Object.entries(
      (body.paths ?? {}) as Record<
        string,
        { post?: { requestBody?: { content?: Record<string, { examples?: unknown }> } } }
      >,
    )) {
      const content = methods.post?.requestBody?.content?.['application/json'] as
        { examples?: { example?: { value?: unknown } } } | undefined;
      examples.set(path.replace(/\{(\w+)\}/g, ':$1'), content?.examples?.example?.value ?? {});
    }
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  function authFor(route: RouteInputs): Record<string, string> {
    if (route.isPublic) return {};
    return users.get(route.roles[0] ?? 'secretariat')!.auth;
  }

  /** The route's path with plausible ids: the alliance is `hta`, the rest need not exist. */
  function concrete(route: RouteInputs, hostile?: { param: string; encoded: string }): string {
    return route.path.replace(/:(\w+)/g, (_m, name: string) =>
      hostile?.param === name ? hostile.encoded : name === 'allianceId' ? 'hta' : 'no-such-id',
    );
  }

  const reads = () => routes.filter((r) => r.method === 'GET' || r.queryParams.length > 0);
  const commands = () => routes.filter((r) => r.bodyFields.length > 0);

  it('finds the inputs of every route', () => {
    expect(routes.length).toBeGreaterThan(45);
    const queryParams = reads().flatMap((r) => r.queryParams.map((p) => `${r.path}?${p}`));
    expect(queryParams).toEqual(
      expect.arrayContaining([
        '/governance/timeline?from',
        '/governance/timeline?page',
        '/progress?asOf',
        '/audit/reports/progress?asOf',
        '/data-quality?asOf',
        '/audit/explain?on',
      ]),
    );
    expect(commands().length).toBeGreaterThanOrEqual(39);
    expect(commands().map((r) => r.path)).toEqual(
      expect.arrayContaining(['/persons', '/partners', '/auth/login']),
    );
  });

  it('answers every query and path parameter of every route 4xx, never 500, and names bad text and dates', async () => {
    const before = await eventCount();
    const unexpected: Outcome[] = [];
    let sent = 0;
    const server = app.getHttpServer();
    const send = async (route: RouteInputs, url: string, what: string, mustName?: string) => {
      sent++;
      const method = route.method === 'POST' ? 'post' : 'get';
      const response = await request(server)[method](url).set(authFor(route));
      const ok =
        response.status < 500 &&
        (response.status < 300 || ALLOWED.includes(response.status)) &&
        (mustName === undefined || (response.status === 400 && names(response.body, mustName)));
      if (!ok) unexpected.push({ what, status: response.status, body: response.body });
    };
    for (const route of reads()) {
      for (const param of route.queryParams) {
        const others = Object.entries(BASE_QUERY[route.path] ?? {}).filter(
          ([name]) => name !== param,
        );
        const base = `${concrete(route)}?${others.map(([n, v]) => `${n}=${v}&`).join('')}`;
        const isDate = DATE_PARAMS.has(param);
        for (const value of STRINGS) {
          const mustName =
            NUL.includes(value) ||
            LONE_SURROGATES.includes(value) ||
            (isDate && DATE_VALUES.includes(value))
              ? param
              : undefined;
          await send(
            route,
            `${base}${param}=${encode(value)}`,
            `${route.method} ${route.path}?${param}=${JSON.stringify(value.slice(0, 40))}`,
            mustName,
          );
        }
        for (const raw of [...RAW_NOT_UTF8, ...RAW_MALFORMED]) {
          await send(
            route,
            `${base}${param}=${raw}`,
            `${route.method} ${route.path}?${param}=${raw}`,
            param,
          );
        }
        await send(route, `${base}${param}=a&${param}=b`, `${route.path}?${param} twice`);
      }
      for (const param of route.pathParams) {
        for (const value of [...STRINGS, ...NUL]) {
          await send(
            route,
            concrete(route, { param, encoded: encode(value) }),
            `${route.method} ${route.path} :${param}=${JSON.stringify(value.slice(0, 40))}`,
          );
        }
        for (const raw of RAW_NOT_UTF8) {
          await send(
            route,
            concrete(route, { param, encoded: raw }),
            `${route.method} ${route.path} :${param}=${raw}`,
          );
        }
      }
    }
    expect(unexpected).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
    expect(await eventCount()).toBe(before);
  }, 600_000);

  /** Sends one body to a command; `raw` bodies are bytes, sent as they are. */
  async function sendCommand(route: RouteInputs, body: unknown): Promise<request.Response> {
    const test = request(app.getHttpServer()).post(concrete(route)).set(authFor(route));
    if (Buffer.isBuffer(body)) {
      // The bytes as they are: superagent would write a Buffer as JSON ({"type":"Buffer",...}).
      return test
        .set('Content-Type', 'application/json')
        .serialize((bytes: Buffer) => bytes as unknown as string)
        .send(body as unknown as string);
    }
    return test.send(body as object);
  }

  /** The example body with `bytes` (not UTF-8) inside the text at `path`. */
  function withBytes(example: unknown, path: FieldPath, bytes: number[]): Buffer {
    const marker = 'HOSTILE-BYTES-HERE';
    const json = Buffer.from(JSON.stringify(withValue(example, path, marker)));
    const at = json.indexOf(marker);
    return Buffer.concat([
      json.subarray(0, at),
      Buffer.from('a'),
      Buffer.from(bytes),
      json.subarray(at + marker.length),
    ]);
  }

  const NOT_UTF8_BYTES = [[0xff], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xe2, 0x82]];
  const isDateField = (path: FieldPath) => /(On|At)$/.test(String(path[path.length - 1]));

  it('refuses in every field of every command NUL, lone surrogates, bytes that are not UTF-8, 100 kB and (in dates) impossible days and extreme years: 400 naming the field, nothing recorded', async () => {
    const before = await eventCount();
    const unexpected: Outcome[] = [];
    let sent = 0;
    for (const route of commands()) {
      const example = examples.get(route.path) ?? {};
      for (const path of route.bodyFields) {
        const field = fieldName(path);
        const values = [...NUL, ...LONE_SURROGATES, ...LONG];
        if (isDateField(path)) values.push(...DATE_VALUES);
        for (const value of values) {
          sent++;
          const response = await sendCommand(route, withValue(example, path, value));
          if (response.status !== 400 || !names(response.body, field)) {
            unexpected.push({
              what: `POST ${route.path} ${field}=${JSON.stringify(value).slice(0, 40)}`,
              status: response.status,
              body: response.body,
            });
          }
        }
        for (const bytes of NOT_UTF8_BYTES) {
          sent++;
          const response = await sendCommand(route, withBytes(example, path, bytes));
          // Refused while the body is read; the 400 names the field whose text held the bytes.
          if (response.status !== 400 || !names(response.body, field)) {
            unexpected.push({
              what: `POST ${route.path} ${field} with the bytes ${Buffer.from(bytes).toString('hex')}`,
              status: response.status,
              body: response.body,
            });
          }
        }
      }
    }
    expect(unexpected).toEqual([]);
    expect(sent).toBeGreaterThan(2000);
    expect(await eventCount()).toBe(before);
  }, 900_000);

  it('answers every other hostile value in every field of every command 4xx (or records it, when it is fine there), never 500', async () => {
    const unexpected: Outcome[] = [];
    let sent = 0;
    for (const route of commands()) {
      const example = examples.get(route.path) ?? {};
      for (const path of route.bodyFields) {
        const field = fieldName(path);
        for (const value of [...HUGE_NUMBERS, ...CONTROLS, ...DATE_VALUES, ...JSON_VALUES]) {
          sent++;
          const response = await sendCommand(route, withValue(example, path, value));
          if (
            response.status >= 500 ||
            (response.status >= 300 && !ALLOWED.includes(response.status))
          ) {
            unexpected.push({
              what: `POST ${route.path} ${field}=${JSON.stringify(value)?.slice(0, 40)}`,
              status: response.status,
              body: response.body,
            });
          }
        }
      }
    }
    expect(unexpected).toEqual([]);
    expect(sent).toBeGreaterThan(3000);
  }, 900_000);
});
