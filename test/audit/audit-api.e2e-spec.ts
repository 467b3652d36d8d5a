import { INestApplication } from '@nestjs/common';
import { Pool } from 'pg';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { testConfig } from '../support/test-config';
import { LedgerEvents, projectionsCaughtUp } from '../support/ledger-events';
import { authHeader } from '../support/auth';
import { recordRealisticLedger } from './audit-data';

describe('the auditor’s endpoints (/audit)', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let afterFirstBatch: string;
  let pool: Pool;
  let auditor: { Authorization: string };
  let reader: { Authorization: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApiApp(testConfig(database.url), database.url);
    await app.init();
    pool = new Pool({ connectionString: database.url, max: 1 });
    auditor = await authHeader(app, 'auditor');
    reader = await authHeader(app, 'secretariat');
    const ledger = LedgerEvents.of(app);
    await recordRealisticLedger(ledger);
    await projectionsCaughtUp(app);
    afterFirstBatch = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    // Recorded later: a correction about an earlier day, and a new report.
    await ledger.corrected('r3', 5, 4, 'one moved out within a month', '2019-05-01');
    await ledger.homesReported(
      'r10',
      5,
      '2019-Q4',
      'Aalborg',
      'hjem-til-dig',
      'roede-kors',
      '2019-12-01',
    );
    await projectionsCaughtUp(app);
  });

  afterAll(async () => {
    await pool?.end();
    await app?.close();
    await database?.drop();
  });

  const http = () => {
    const server = app.getHttpServer();
    return {
      get: (path: string) =>
        request(server)
          .get(path)
          .set(path.startsWith('/audit') ? auditor : reader),
    };
  };

  it('is for auditors: 401 without a token, 403 for another role', async () => {
    await request(app.getHttpServer()).get('/audit/verify').expect(401);
    await request(app.getHttpServer()).get('/audit/events').set(reader).expect(403);
  });

  it('verifies the log and every read model against a fresh replay, leaving no scratch schema', async () => {
    const { body } = await http().get('/audit/verify').expect(200);
    expect(body.ok).toBe(true);
    expect(body.verdict).toMatch(/^OK: \d+ events/);
    expect(body.chain.faults).toEqual([]);
    expect(body.readModels.differences).toEqual([]);
    expect(
      body.readModels.tables.find((t: { table: string }) => t.table === 'housing_count_change')
        .liveRows,
    ).toBe(17);
    const { rows } = await pool.query(
      `SELECT nspname FROM pg_namespace WHERE nspname LIKE 'audit_scratch_%'`,
    );
    expect(rows).toEqual([]);
  });

  it('names the first read-model row that differs from a replay, and what differs', async () => {
    try {
      await pool.query(
        `UPDATE read_models.housing_report SET count = count + 100 WHERE report_id = 'r2'`,
      );
      const { body } = await http().get('/audit/verify').expect(200);
      expect(body.ok).toBe(false);
      expect(body.chain.ok).toBe(true);
      expect(body.readModels.differences[0]).toMatchObject({
        projection: 'housing',
        table: 'housing_report',
        key: { report_id: 'r2' },
        kind: 'differs',
        columns: [{ column: 'count', live: 102, replay: 2 }],
      });
      expect(body.verdict).toMatch(
        /^FAILED: .*housing_report row report_id="r2" differs.*count is 102, the replay gives 2/,
      );
    } finally {
      await pool.query(
        `UPDATE read_models.housing_report SET count = count - 100 WHERE report_id = 'r2'`,
      );
    }
  });

  describe('explain a number', () => {
    const moments = [
      {},
      { asOf: '2019-12-31' },
      { asOf: '2020-06-30' },
      { asOf: '2019-12-31', knownOn: 'AFTER_FIRST_BATCH' },
      { asOf: '2018-12-31' },
    ];

    it('recomputes EVERY figure on the progress page from the events it lists, equal to the figure shown', async () => {
      let checked = 0;
      for (const raw of moments) {
        const moment = Object.fromEntries(
          Object.entries(raw).map(([k, v]) => [k, v === 'AFTER_FIRST_BATCH' ? afterFirstBatch : v]),
        );
        const { body: progress } = await http().get('/progress').query(moment).expect(200);
        const figures: Array<[string, string | undefined, number]> = [
          ['homes', undefined, progress.homes],
          ...progress.byInitiative.map((b: { key: string; homes: number }) => [
            'homes-by-initiative',
            b.key,
            b.homes,
          ]),
          ...progress.byPartner.map((b: { key: string; homes: number }) => [
            'homes-by-partner',
            b.key,
            b.homes,
          ]),
          ...progress.byMunicipality.map((b: { key: string; homes: number }) => [
            'homes-by-municipality',
            b.key,
            b.homes,
          ]),
          ...progress.byYear.map((y: { year: number; homes: number }) => [
            'homes-by-year',
            String(y.year),
            y.homes,
          ]),
        ];
        expect(figures.length).toBeGreaterThan(5);
        for (const [figure, key, shown] of figures) {
          const { body } = await http()
            .get('/audit/explain')
            .query({ figure, ...(key ? { key } : {}), ...moment })
            .expect(200);
          expect({ figure, key, moment, recomputed: body.recomputed }).toEqual({
            figure,
            key,
            moment,
            recomputed: shown,
          });
          expect(body.shown).toBe(shown);
          expect(body.matches).toBe(true);
          // The sum of the listed reports' standing counts is the figure; each names its event.
          const positions = new Set(
            body.events.map((e: { globalPosition: number }) => e.globalPosition),
          );
          for (const report of body.reports)
            expect(positions.has(report.standingPosition)).toBe(true);
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(40);
    });

    it('lists the events with positions, types and data, and what each did', async () => {
      const { body } = await http()
        .get('/audit/explain?figure=homes-by-initiative&key=kollegiemodellen&asOf=2019-12-31')
        .expect(200);
      const r1 = body.events.filter(
        (e: { streamId: string }) => e.streamId === 'housing-report-r1',
      );
      expect(r1.map((e: { type: string; effect: string }) => [e.type, e.effect])).toEqual([
        ['HomesReported', 'superseded'],
        ['HousingCountCorrected', 'counted'],
      ]);
      expect(r1[1]).toMatchObject({ globalPosition: expect.any(Number), data: { count: 16 } });
      const r9 = body.events.find((e: { streamId: string }) => e.streamId === 'housing-report-r9');
      expect(r9.effect).toBe('after-as-of');
    });

    it('explains a board seat on a date, as known on a date', async () => {
      const on = async (day: string) =>
        (
          await http()
            .get('/audit/explain')
            .query({ figure: 'seat', personId: 'bo', on: day })
            .expect(200)
        ).body;
      const member = await on('2018-06-01');
      expect(member.matches).toBe(true);
      expect(member.recomputed).toEqual([
        expect.objectContaining({ seatId: 'seat-2', role: 'member', since: '2018-04-20' }),
      ]);
      expect(member.events.map((e: { type: string }) => e.type)).toEqual([
        'BoardMemberElected',
        'BoardMemberRoleChanged',
        'BoardMemberSteppedDown',
      ]);
      const vice = await on('2019-06-01');
      expect(vice.recomputed).toEqual([
        expect.objectContaining({ role: 'vice-chair', since: '2019-01-10', until: '2019-11-30' }),
      ]);
      expect(vice.matches).toBe(true);
      const gone = await on('2019-12-15');
      expect(gone.recomputed).toEqual([]);
      expect(gone.shown).toEqual([]);
      const anna = (
        await http().get('/audit/explain?figure=seat&personId=anna&on=2019-01-01').expect(200)
      ).body;
      expect(anna.matches).toBe(true);
      expect(anna.shown).toEqual([
        expect.objectContaining({ role: 'chair', organisationId: 'bikubenfonden' }),
      ]);
    });
  });

  describe('browse', () => {
    it('pages through the log in global order, every envelope field', async () => {
      const first = (await http().get('/audit/events?limit=5').expect(200)).body;
      expect(first.events).toHaveLength(5);
      expect(first.total).toBeGreaterThan(25);
      expect(first.events.map((e: { globalPosition: number }) => e.globalPosition)).toEqual([
        1, 2, 3, 4, 5,
      ]);
      expect(Object.keys(first.events[0]).sort()).toEqual(
        [
          'actor',
          'causationId',
          'commandId',
          'correlationId',
          'data',
          'eventId',
          'globalHash',
          'globalPosition',
          'occurredAt',
          'recordedAt',
          'schemaVersion',
          'streamHash',
          'streamId',
          'streamVersion',
          'type',
        ].sort(),
      );
      const next = (await http().get(`/audit/events?limit=5&after=${first.nextAfter}`).expect(200))
        .body;
      expect(next.events[0].globalPosition).toBe(6);
      const page2 = (await http().get('/audit/events?limit=5&page=2').expect(200)).body;
      expect(page2.events).toEqual(next.events);
    });

    it('filters by stream, type, actor and period (occurredAt or recordedAt)', async () => {
      const byType = (await http().get('/audit/events?type=HousingCountRetracted').expect(200))
        .body;
      expect(byType.events.map((e: { streamId: string }) => e.streamId)).toEqual([
        'housing-report-r4',
        'housing-report-r8',
      ]);
      const byStream = (await http().get('/audit/events?stream=housing-report-r6').expect(200))
        .body;
      expect(byStream.total).toBe(3);
      const byActor = (await http().get('/audit/events?actor=test-secretariat&limit=1').expect(200))
        .body;
      expect(byActor.total).toBe(byType.total + (byActor.total - byType.total));
      expect((await http().get('/audit/events?actor=nobody').expect(200)).body.total).toBe(0);
      const happened2019 = (
        await http()
          .get('/audit/events?clock=occurredAt&from=2019-01-01&to=2019-12-31&type=HomesReported')
          .expect(200)
      ).body;
      expect(
        happened2019.events.map((e: { data: { reportId: string } }) => e.data.reportId),
      ).toEqual(['r3', 'r4', 'r5', 'r6', 'r10']);
      const recordedLater = (
        await http().get('/audit/events').query({ from: afterFirstBatch }).expect(200)
      ).body;
      expect(recordedLater.events.map((e: { type: string }) => e.type)).toEqual([
        'HousingCountCorrected',
        'HomesReported',
      ]);
    });

    it('gives one stream’s whole history, and 404 for a stream not in the log', async () => {
      const { body } = await http().get('/audit/streams/housing-report-r6').expect(200);
      expect(
        body.events.map((e: { streamVersion: number; type: string }) => [e.streamVersion, e.type]),
      ).toEqual([
        [1, 'HomesReported'],
        [2, 'HousingCountCorrected'],
        [3, 'HousingCountCorrected'],
      ]);
      expect(body.events[0]).toMatchObject({
        actor: { id: 'test-secretariat', role: 'secretariat' },
        streamHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      const missing = await http().get('/audit/streams/housing-report-nope').expect(404);
      expect(missing.body.message).toMatch(/housing-report-nope.*not in the log/);
    });

    it('exports the filtered log as NDJSON with a digest', async () => {
      const response = await http()
        .get('/audit/events?format=ndjson&type=HomesReported')
        .expect(200);
      expect(response.headers['content-type']).toMatch(/application\/x-ndjson/);
      const lines = response.text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines).toHaveLength(10);
      const digest = JSON.parse(
        Buffer.from(response.headers['ledger-export-digest'], 'base64').toString(),
      );
      expect(digest).toMatchObject({
        kind: 'ledger-export-digest',
        count: 10,
        firstPosition: lines[0].globalPosition,
        lastPosition: lines[9].globalPosition,
        lastGlobalHash: lines[9].globalHash,
        filters: { type: 'HomesReported', clock: 'recordedAt' },
        signed: { algorithm: 'Ed25519' },
      });
    });
  });

  describe('reports for the board', () => {
    it('gives progress as of a date as CSV and JSON, with the same figures as GET /progress', async () => {
      const { body: progress } = await http()
        .get('/progress?asOf=2019-12-31&knownOn=2030-01-01')
        .expect(200);
      const json = (
        await http()
          .get('/audit/reports/progress?asOf=2019-12-31&knownOn=2030-01-01&format=json')
          .expect(200)
      ).body;
      expect(json.homes).toBe(progress.homes);
      const csv = await http()
        .get('/audit/reports/progress?asOf=2019-12-31&knownOn=2030-01-01&format=csv')
        .expect(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      const lines = csv.text.split('\r\n');
      expect(lines[0]).toBe('dimension,key,label,homes,cumulative,asOf,knownOn');
      expect(lines[1]).toMatch(new RegExp(`^total,homes,all homes counted,${progress.homes},`));
      expect(lines).toContain(
        `initiative,kollegiemodellen,Kollegiemodellen (Bo Sammen),${progress.byInitiative.find((b: { key: string }) => b.key === 'kollegiemodellen').homes},,2019-12-31,${json.knownOn}`,
      );
      // A note with a comma is quoted.
      expect(csv.text).toContain('"restated from 18 to 16 on 2019-03-02, double counted"');
    });

    it('gives the governance timeline as it stood on a date', async () => {
      const json = (await http().get('/audit/reports/timeline?asOf=2019-06-30').expect(200)).body;
      expect(json.entries.map((e: { kind: string }) => e.kind)).toEqual([
        'GeneralAssemblyHeld',
        'BoardMemberElected',
        'BoardMemberElected',
        'BoardMemberRoleChanged',
      ]);
      const csv = (
        await http().get('/audit/reports/timeline?asOf=2019-06-30&format=csv').expect(200)
      ).text;
      expect(csv.split('\r\n')[0]).toBe(
        'globalPosition,occurredAt,recordedAt,body,kind,personId,organisationId,role,details',
      );
      expect(csv.trim().split('\r\n')).toHaveLength(5);
    });
  });

  describe('bad input: a clear message naming the field, nothing changed', () => {
    it.each([
      ['/audit/events?from=2019-02-30', 400, 'from'],
      ['/audit/events?from=2019-12-31&to=2019-01-01', 400, 'to'],
      ['/audit/events?type=HomesInvented', 400, 'type'],
      ['/audit/events?clock=wallclock', 400, 'clock'],
      ['/audit/events?limit=0', 400, 'limit'],
      ['/audit/events?stream=nobody-here', 404, 'stream'],
      ['/audit/explain?figure=homes&asOf=yesterday', 400, 'asOf'],
      ['/audit/explain?figure=rainbows', 400, 'figure'],
      ['/audit/explain?figure=homes-by-partner', 400, 'key'],
      ['/audit/explain?figure=homes-by-partner&key=nobody', 404, 'key'],
      ['/audit/reports/progress?asOf=2019-13-01', 400, 'asOf'],
      ['/audit/reports/timeline?format=xlsx', 400, 'format'],
    ])('%s → %i naming %s', async (url, status, field) => {
      const { body } = await http().get(url).expect(status);
      if (status === 400)
        expect(body.fields.map((f: { field: string }) => f.field)).toContain(field);
      else expect(body.message).toMatch(/not in the log|no housing report/);
    });
  });
});
