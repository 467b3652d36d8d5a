import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { testConfig } from '../support/test-config';
import { authHeader } from '../support/auth';
import { LedgerEvents, projectionsCaughtUp } from '../support/ledger-events';

/**
 * What the secretariat should look at: reports without a source, reports entered long after
 * their quarter, quarters in which a partner with an open commitment reported nothing, and board
 * terms ending within 60 days.
 */
describe('data quality (GET /data-quality)', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let auth: { Authorization: string };
  const today = new Date().toISOString().slice(0, 10);
  const inDays = (days: number) =>
    new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApiApp(testConfig(database.url), database.url);
    await app.init();
    auth = await authHeader(app);
    const ledger = LedgerEvents.of(app);
    await ledger.foundAlliance();
    await ledger.partnerJoined('bikubenfonden', 'Bikubenfonden', 'foundation', null);
    await ledger.partnerJoined('roede-kors', 'Røde Kors', 'civil-society', null);
    await ledger.initiativeLaunched('kollegiemodellen', 'Kollegiemodellen', 100);
    // Røde Kors commits itself from the start of the quarter three quarters ago.
    const start = new Date();
    start.setUTCMonth(Math.floor(start.getUTCMonth() / 3) * 3 - 9, 1);
    const quarterOf = (d: Date) => `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
    const quarters = [0, 3, 6].map((months) => {
      const d = new Date(start);
      d.setUTCMonth(d.getUTCMonth() + months);
      return { period: quarterOf(d), day: d.toISOString().slice(0, 10) };
    });
    await ledger.record(
      'partner-roede-kors',
      'CommitmentMade',
      {
        partnerId: 'roede-kors',
        commitmentId: 'rk-homes',
        declarationId: null,
        description: 'homes through Hjem til Dig',
        target: { quantity: 20, unit: 'homes' },
        dueOn: inDays(400),
      },
      quarters[0].day,
    );
    // It reports in the first quarter; the second quarter's report is retracted; nothing in the third.
    await ledger.homesReported(
      'rk-1',
      3,
      quarters[0].period,
      'Aarhus',
      'kollegiemodellen',
      'roede-kors',
      quarters[0].day,
    );
    await ledger.homesReported(
      'rk-2',
      2,
      quarters[1].period,
      'Aarhus',
      'kollegiemodellen',
      'roede-kors',
      quarters[1].day,
    );
    await ledger.retracted('rk-2', 'not a new home', quarters[1].day);
    // Entered years after its quarter, and without a source.
    await ledger.homesReported(
      'old',
      4,
      '2018-Q2',
      'Odense',
      'kollegiemodellen',
      'bikubenfonden',
      '2018-06-30',
      ' ',
    );
    const seat = (seatId: string, personId: string, endsOn: string | null) => ({
      allianceId: 'hta',
      seatId,
      assemblyId: 'ga',
      personId,
      organisationId: 'bikubenfonden',
      role: 'member',
      term: { startsOn: '2024-05-15', endsOn },
    });
    await ledger.record(
      'governance-hta',
      'BoardMemberElected',
      seat('s-soon', 'person-a', inDays(30)),
      '2024-05-15',
    );
    await ledger.record(
      'governance-hta',
      'BoardMemberElected',
      seat('s-later', 'person-b', inDays(200)),
      '2024-05-15',
    );
    await projectionsCaughtUp(app);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('lists what needs the secretariat’s attention, each for its own reason', async () => {
    const { body } = await request(app.getHttpServer())
      .get(`/data-quality?asOf=${today}`)
      .set(auth)
      .expect(200);
    expect(body.reportsWithoutSource).toEqual([
      { reportId: 'old', period: '2018-Q2', partnerId: 'bikubenfonden' },
    ]);
    expect(body.reportsEnteredLate.map((r: { reportId: string }) => r.reportId)).toContain('old');
    // The quarter with only a retracted report and the quarter with none; not the first.
    const silent = body.partnersSilentDespiteCommitment.map(
      (s: { partnerId: string; period: string }) => `${s.partnerId} ${s.period}`,
    );
    expect(silent).toHaveLength(2);
    expect(silent.every((s: string) => s.startsWith('roede-kors '))).toBe(true);
    expect(body.boardTermsEndingWithin60Days).toEqual([
      expect.objectContaining({ seatId: 's-soon', termEndsOn: inDays(30) }),
    ]);
  });
});
