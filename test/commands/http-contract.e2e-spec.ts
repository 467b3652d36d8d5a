import request from 'supertest';
import { hjemTilAlle, Ledger, startLedger } from './support';

const report = {
  reportId: 'r-1',
  count: 18,
  period: '2018-Q4',
  municipality: 'Odense',
  initiativeId: 'kollegiemodellen',
  partnerId: 'bikubenfonden',
  source: 'Allocation list',
  housingType: 'dorm-room',
  permanent: true,
};

/** What every command endpoint promises: 400 shape, idempotency, no leaks, OpenAPI. */
describe('the command API contract', () => {
  let ledger: Ledger;
  const fields = (body: { fields: Array<{ field: string; rule: string }> }) =>
    Object.fromEntries(body.fields.map((f) => [f.field, f.rule]));

  beforeAll(async () => {
    ledger = await startLedger();
    await ledger.post('/alliance', hjemTilAlle).expect(201);
    await ledger
      .post('/partners', {
        partnerId: 'bikubenfonden',
        name: 'Bikubenfonden',
        sector: 'foundation',
      })
      .expect(201);
    await ledger
      .post('/initiatives', {
        initiativeId: 'kollegiemodellen',
        name: 'Kollegiemodellen',
        description: 'Dorm rooms for homeless students',
        leadPartnerIds: ['bikubenfonden'],
        target: { quantity: 100, unit: 'homes' },
      })
      .expect(201);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => ledger?.close());

  describe('400 names each bad field and its rule, and records nothing', () => {
    it('extra fields, a negative count, a blank source, an impossible date', async () => {
      const before = await ledger.store.headPosition();
      const response = await ledger
        .post('/housing-reports', {
          ...report,
          count: -3,
          source: '  ',
          occurredAt: '2019-02-30',
          youngPersonName: 'never stored',
        })
        .expect(400);
      expect(response.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
      });
      expect(fields(response.body)).toEqual({
        youngPersonName: 'known-field',
        count: 'whole-number-above-zero',
        source: 'required',
        occurredAt: 'iso-date',
      });
      expect(response.body.fields[1]).toEqual({
        field: 'count',
        rule: 'whole-number-above-zero',
        message: 'must be a whole number above 0',
      });
      expect(await ledger.store.headPosition()).toBe(before);
    });

    it('a fractional count, an unknown housing type, a bad quarter, a missing flag', async () => {
      const { permanent: _p, ...withoutPermanent } = report;
      const response = await ledger
        .post('/housing-reports', {
          ...withoutPermanent,
          count: 2.5,
          housingType: 'tent',
          period: '2018-Q5',
        })
        .expect(400);
      expect(fields(response.body)).toEqual({
        count: 'whole-number-above-zero',
        housingType: 'known-value',
        period: 'quarter-period',
        permanent: 'required',
      });
    });

    it('nested paths: goal.homes, scores[0].presentState, term.endsOn', async () => {
      const goal = await ledger
        .post('/alliance', {
          name: 'X',
          goal: { homes: 0, fromYear: 2016, toYear: 2026, extra: 1 },
        })
        .expect(400);
      expect(fields(goal.body)).toEqual({
        'goal.extra': 'known-field',
        'goal.homes': 'whole-number-above-zero',
      });

      const scores = await ledger
        .post('/evaluation-rounds/pluss-2018/scores', {
          scores: [
            { body: 'board', parameter: 'ambassadorship', presentState: 6, wishedPriority: 0 },
          ],
        })
        .expect(400);
      expect(fields(scores.body)).toEqual({
        'scores[0].presentState': 'score-from-1-to-5',
        'scores[0].wishedPriority': 'score-from-1-to-5',
      });

      const term = await ledger
        .post('/governance/hta/board/elections', {
          assemblyId: 'ga',
          personId: 'person-0001',
          organisationId: 'villumfonden',
          role: 'president',
          term: { endsOn: '2019-02-30' },
        })
        .expect(400);
      expect(fields(term.body)).toEqual({ role: 'known-value', 'term.endsOn': 'iso-date' });
    });

    it('a goal that is not an object, a sector not in the list, an id that cannot name a stream', async () => {
      const response = await ledger
        .post('/partners', {
          partnerId: 'odense kommune',
          name: 'Odense Kommune',
          sector: 'municipality',
        })
        .expect(400);
      expect(fields(response.body)).toEqual({ partnerId: 'id-format', sector: 'known-value' });
      const goal = await ledger.post('/alliance', { name: 'X', goal: 2300 }).expect(400);
      expect(fields(goal.body)).toEqual({ goal: 'required' });
    });

    it('an id in the path that cannot name a stream', async () => {
      const response = await ledger.post('/partners/odense%20kommune/rejoin', {}).expect(400);
      expect(response.body.fields).toEqual([
        { field: 'partnerId', rule: 'id-format', message: expect.any(String) },
      ]);
    });

    it('what only the domain can see: a time frame that ends before it starts', async () => {
      const response = await ledger
        .post('/alliance', { name: 'X', goal: { homes: 10, fromYear: 2026, toYear: 2016 } })
        .expect(400);
      expect(response.body.fields).toEqual([
        { field: 'goal.toYear', rule: 'period-ends-after-it-starts', message: expect.any(String) },
      ]);
    });

    it('a malformed Idempotency-Key', async () => {
      const response = await ledger
        .post('/housing-reports', report, 'has spaces in it')
        .expect(400);
      expect(fields(response.body)).toEqual({ 'Idempotency-Key': 'idempotency-key-format' });
    });
  });

  describe('Idempotency-Key', () => {
    it('the same key sent twice records once and answers the same', async () => {
      const first = await ledger.post('/housing-reports', report, 'report-r-1').expect(201);
      const second = await ledger.post('/housing-reports', report, 'report-r-1').expect(201);
      expect(second.body).toEqual({ ...first.body, duplicate: true });
      expect(second.headers['idempotent-replay']).toBe('true');
      expect(first.headers['idempotent-replay']).toBeUndefined();
      expect(await ledger.store.readStream('housing-report-r-1')).toHaveLength(1);
    });

    it('a new thing the client did not name gets the same id on a retry with the same key', async () => {
      const { reportId: _r, ...unnamed } = report;
      const first = await ledger.post('/housing-reports', unnamed, 'unnamed-report').expect(201);
      const second = await ledger.post('/housing-reports', unnamed, 'unnamed-report').expect(201);
      expect(second.body).toEqual({ ...first.body, duplicate: true });
      expect(await ledger.store.readStream(first.body.streamId)).toHaveLength(1);
    });

    it('the same request sent twice at once still records once', async () => {
      const send = () =>
        ledger.post('/housing-reports', { ...report, reportId: 'r-race' }, 'race-key');
      const [a, b] = await Promise.all([send(), send()]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect([a.body.duplicate, b.body.duplicate].sort()).toEqual([false, true]);
      expect(await ledger.store.readStream('housing-report-r-race')).toHaveLength(1);
    });

    it('a key used before for another command is refused (422), not answered with the other result', async () => {
      const response = await ledger
        .post('/housing-reports', { ...report, reportId: 'r-2' }, 'report-r-1')
        .expect(422);
      expect(response.body.rule).toBe('idempotency-key-reused');
      expect(await ledger.store.readStream('housing-report-r-2')).toEqual([]);
    });

    it('the same key with a different body is refused (422) and the first body stands (#17 item 4)', async () => {
      const first = { ...report, reportId: 'r-4', count: 3 };
      await ledger.post('/housing-reports', first, 'report-r-4').expect(201);
      const changed = await ledger
        .post('/housing-reports', { ...first, count: 7 }, 'report-r-4')
        .expect(422);
      expect(changed.body.rule).toBe('idempotency-key-reused');
      expect(changed.body.message).toContain('different body');
      const events = await ledger.store.readStream('housing-report-r-4');
      expect(events.map((e) => (e.data as { count: number }).count)).toEqual([3]);
      // The first body again is a retry: replayed, as before.
      const again = await ledger.post('/housing-reports', first, 'report-r-4').expect(201);
      expect(again.body.duplicate).toBe(true);
    });

    it('a key whose command was refused may carry a corrected request', async () => {
      await ledger
        .post('/housing-reports/never-reported/corrections', { count: 2, reason: 'typo' }, 'k-5')
        .expect(404);
      await ledger.post('/housing-reports', { ...report, reportId: 'r-5' }, 'k-5').expect(201);
    });

    it('without a key each request is its own command, and the request id is the correlation id', async () => {
      const response = await request(ledger.app.getHttpServer())
        .post('/housing-reports')
        .set(ledger.auth)
        .set('X-Request-Id', 'board-meeting-42')
        .send({ ...report, reportId: 'r-3' })
        .expect(201);
      const [event] = await ledger.store.readStream(response.body.streamId);
      expect(event.commandId).toMatch(/^[0-9a-f-]{36}$/);
      expect(event.correlationId).toBe('board-meeting-42');
    });
  });

  it('never puts the actor in the body: it is refused as an unknown field', async () => {
    const response = await ledger
      .post('/housing-reports', { ...report, reportId: 'r-4', actor: { id: 'me', role: 'board' } })
      .expect(400);
    expect(fields(response.body)).toEqual({ actor: 'known-field' });
  });

  it('answers 500 with a generic message, never the cause, when something unexpected breaks', async () => {
    jest
      .spyOn(ledger.store, 'readStream')
      .mockRejectedValue(new Error('SELECT * FROM event_store.events: connection refused'));
    const response = await ledger
      .post('/housing-reports', { ...report, reportId: 'r-5' })
      .expect(500);
    expect(response.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side. It has been logged.',
      requestId: expect.any(String),
    });
    expect(JSON.stringify(response.body)).not.toMatch(/SELECT|event_store|at /);
  });

  it('documents every command endpoint in OpenAPI with an example body and every answer', async () => {
    const { body } = await request(ledger.app.getHttpServer())
      .get('/docs/openapi.json')
      .expect(200);
    interface Operation {
      requestBody?: { content?: Record<string, { examples?: { example?: { value?: unknown } } }> };
      responses: Record<string, unknown>;
      parameters: Array<{ name: string }>;
    }
    const paths = body.paths as Record<string, { post?: Operation }>;
    // The command endpoints: every POST but logging in and the person register (issue 9).
    const notCommands = ['/auth/login', '/persons', '/imports'];
    const operations = Object.entries(paths).flatMap(([path, methods]) =>
      methods.post && !notCommands.includes(path) ? [{ path, post: methods.post }] : [],
    );
    expect(operations).toHaveLength(38);
    for (const { path, post } of operations) {
      const example = post.requestBody?.content?.['application/json']?.examples?.example?.value;
      expect({ path, example: example !== undefined }).toEqual({ path, example: true });
      expect(Object.keys(post.responses).sort()).toEqual([
        '201',
        '400',
        '401',
        '403',
        '404',
        '409',
        '413',
        '415',
        '422',
        '429',
        '500',
      ]);
      expect(post.parameters.map((p) => p.name)).toContain('Idempotency-Key');
    }
  });
});
