import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { testConfig } from '../support/test-config';
import { authHeader } from '../support/auth';
import { PROGRESS_FIGURES } from '../support/progress-figures';
import { LedgerEvents, projectionsCaughtUp } from '../support/ledger-events';

describe('progress toward 2300 homes (GET /progress)', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let auth: { Authorization: string };
  let ledger: LedgerEvents;
  let beforeCorrection: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApiApp(testConfig(database.url), database.url);
    await app.init();
    auth = await authHeader(app);
    ledger = LedgerEvents.of(app);
    await ledger.foundAlliance();
    await ledger.partnerJoined('bikubenfonden', 'Bikubenfonden', 'foundation', null);
    await ledger.partnerJoined(
      'koebenhavns-kommune',
      'Københavns Kommune',
      'authority',
      'København',
    );
    await ledger.partnerJoined('roede-kors', 'Røde Kors', 'civil-society', null);
    await ledger.initiativeLaunched('kollegiemodellen', 'Kollegiemodellen (Bo Sammen)', 100);
    await ledger.initiativeLaunched('hjem-til-dig', 'Hjem til Dig', 60);
    await ledger.homesReported(
      'r1',
      18,
      '2018-Q2',
      'København',
      'kollegiemodellen',
      'bikubenfonden',
      '2018-06-30',
    );
    await ledger.homesReported(
      'r2',
      2,
      '2018-Q4',
      'Aarhus',
      'hjem-til-dig',
      'roede-kors',
      '2018-12-15',
    );
    await ledger.homesReported(
      'r3',
      5,
      '2019-Q1',
      'Odense',
      'kollegiemodellen',
      'koebenhavns-kommune',
      '2019-03-31',
    );
    await ledger.homesReported(
      'r4',
      3,
      '2019-Q2',
      'Odense',
      'kollegiemodellen',
      'koebenhavns-kommune',
      '2019-06-30',
    );
    await projectionsCaughtUp(app);
    beforeCorrection = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    // A correction made in the world in March 2019, typed in now; and a retraction.
    await ledger.corrected('r1', 18, 16, 'double counted', '2019-03-02');
    await ledger.retracted('r4', 'reported by mistake', '2019-07-15');
    await projectionsCaughtUp(app);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('sums the homes as they stand now, with corrections and retractions reflected', async () => {
    const { body } = await request(app.getHttpServer()).get('/progress').set(auth).expect(200);
    expect(body.goal).toEqual({ homes: 2300, fromYear: 2016, toYear: 2026 });
    expect(body.homes).toBe(16 + 2 + 5);
    expect(body.remaining).toBe(2300 - 23);
    expect(body.byInitiative).toEqual([
      { key: 'kollegiemodellen', label: 'Kollegiemodellen (Bo Sammen)', homes: 21 },
      { key: 'hjem-til-dig', label: 'Hjem til Dig', homes: 2 },
    ]);
    expect(body.byPartner).toEqual([
      { key: 'bikubenfonden', label: 'Bikubenfonden', homes: 16 },
      { key: 'koebenhavns-kommune', label: 'Københavns Kommune', homes: 5 },
      { key: 'roede-kors', label: 'Røde Kors', homes: 2 },
    ]);
    expect(
      body.byMunicipality.map((m: { key: string; homes: number }) => [m.key, m.homes]),
    ).toEqual([
      ['København', 16],
      ['Odense', 5],
      ['Aarhus', 2],
    ]);
    expect(body.byYear).toEqual([
      { year: 2018, homes: 18, cumulative: 18 },
      { year: 2019, homes: 5, cumulative: 23 },
    ]);
    expect(
      body.byQuarter.map((q: { period: string; homes: number }) => [q.period, q.homes]),
    ).toEqual([
      ['2018-Q2', 16],
      ['2018-Q4', 2],
      ['2019-Q1', 5],
      ['2019-Q2', 0],
    ]);
  });

  it('gives the same figures from the running totals as from the full history', async () => {
    const current = (await request(app.getHttpServer()).get('/progress').set(auth).expect(200))
      .body;
    const now = new Date().toISOString();
    const fromHistory = (
      await request(app.getHttpServer())
        .get(`/progress?asOf=${now}&knownOn=${now}`)
        .set(auth)
        .expect(200)
    ).body;
    for (const figure of PROGRESS_FIGURES) {
      expect([figure, current[figure]]).toEqual([figure, fromHistory[figure]]);
    }
  });

  it('says beside the figure where a count was restated, from what to what, when and why', async () => {
    const { body } = await request(app.getHttpServer()).get('/progress').set(auth).expect(200);
    expect(body.restatements).toEqual([
      expect.objectContaining({
        reportId: 'r1',
        kind: 'corrected',
        from: 18,
        to: 16,
        note: 'restated from 18 to 16 on 2019-03-02, double counted',
      }),
      expect.objectContaining({
        reportId: 'r4',
        kind: 'retracted',
        from: 3,
        to: 0,
        note: 'retracted (was 3) on 2019-07-15, reported by mistake',
      }),
    ]);
  });

  it('shows what was true on a date in the world: the end of 2018, before the correction happened', async () => {
    const { body } = await request(app.getHttpServer())
      .get('/progress?asOf=2018-12-31')
      .set(auth)
      .expect(200);
    expect(body.homes).toBe(18 + 2);
    expect(body.restatements).toEqual([]);
    expect(body.pace.achievedPerYear).toBeCloseTo(20 / 3, 1);
  });

  it('shows what the records said at a moment: before the correction was typed in', async () => {
    const { body } = await request(app.getHttpServer())
      .get(`/progress?knownOn=${beforeCorrection}`)
      .set(auth)
      .expect(200);
    expect(body.homes).toBe(18 + 2 + 5 + 3);
    expect(body.restatements).toEqual([]);
  });

  it('gives the pace needed to reach 2300 by the end of 2026 against the pace achieved, and a forecast year', async () => {
    const { body } = await request(app.getHttpServer())
      .get('/progress?asOf=2019-12-31')
      .set(auth)
      .expect(200);
    // 23 homes in four years against a plan of 2300 in eleven.
    expect(body.pace.plannedPerYear).toBeCloseTo(209.1, 1);
    expect(body.pace.achievedPerYear).toBeCloseTo(23 / 4, 1);
    expect(body.pace.neededPerYear).toBeCloseTo((2300 - 23) / 7, 0);
    expect(body.pace.forecastYear).toBe(2016 + Math.floor(2300 / (23 / 4)));
    expect(body.pace.onTrack).toBe(false);
  });

  it('keeps the history of each count', async () => {
    const { body } = await request(app.getHttpServer())
      .get('/progress/reports/r1/history')
      .set(auth)
      .expect(200);
    expect(body).toMatchObject({
      reportId: 'r1',
      count: 16,
      status: 'corrected',
      period: '2018-Q2',
    });
    expect(body.history.map((h: { kind: string; count: number }) => [h.kind, h.count])).toEqual([
      ['reported', 18],
      ['corrected', 16],
    ]);
    expect(body.history[1]).toMatchObject({
      previousCount: 18,
      reason: 'double counted',
      recordedBy: 'test-secretariat',
    });
    await request(app.getHttpServer()).get('/progress/reports/nope/history').set(auth).expect(404);
  });

  it('refuses a date that does not exist, naming the field', async () => {
    const { body } = await request(app.getHttpServer())
      .get('/progress?asOf=2019-02-30')
      .set(auth)
      .expect(400);
    expect(JSON.stringify(body)).toContain('asOf');
  });

  it('lists initiatives with the homes counted against them', async () => {
    const { body } = await request(app.getHttpServer()).get('/initiatives').set(auth).expect(200);
    expect(
      body.map((i: { initiativeId: string; homesCounted: number; targetQuantity: number }) => [
        i.initiativeId,
        i.homesCounted,
        i.targetQuantity,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['kollegiemodellen', 21, 100],
        ['hjem-til-dig', 2, 60],
      ]),
    );
  });
});
