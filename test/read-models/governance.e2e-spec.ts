import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { testConfig } from '../support/test-config';
import { authHeader } from '../support/auth';
import { LedgerEvents, projectionsCaughtUp } from '../support/ledger-events';

const G = 'governance-hta';

describe('governance: the board on any date, and the timeline', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let auth: { Authorization: string };
  let ledger: LedgerEvents;
  let beforeElectionWasTyped: string;

  const seat = (seatId: string, personId: string, organisationId: string, role: string) => ({
    allianceId: 'hta',
    seatId,
    assemblyId: 'ga-2018',
    personId,
    organisationId,
    role,
    term: { startsOn: '2018-05-15', endsOn: null },
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApiApp(testConfig(database.url), database.url);
    await app.init();
    auth = await authHeader(app);
    ledger = LedgerEvents.of(app);
    await ledger.record(
      G,
      'SecretariatStaffStarted',
      {
        allianceId: 'hta',
        seatId: 's-vibe',
        personId: 'person-vibe',
        role: 'director',
        startsOn: '2016-09-01',
      },
      '2016-09-01',
    );
    await ledger.record(
      G,
      'AdvisoryBoardMemberAppointed',
      {
        allianceId: 'hta',
        seatId: 'a-kl',
        organisationId: 'kl',
        representativePersonId: 'person-niels',
        startsOn: '2017-08-20',
      },
      '2017-08-20',
    );
    await projectionsCaughtUp(app);
    beforeElectionWasTyped = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    // The May 2018 general assembly, typed in later.
    await ledger.record(
      G,
      'GeneralAssemblyHeld',
      {
        allianceId: 'hta',
        assemblyId: 'ga-2018',
        heldOn: '2018-05-15',
        membersPresent: ['bikubenfonden', 'kab'],
      },
      '2018-05-15',
    );
    await ledger.record(
      G,
      'BoardMemberElected',
      seat('b-agi', 'person-agi', 'villumfonden', 'chair'),
      '2018-05-15',
    );
    await ledger.record(
      G,
      'BoardMemberElected',
      seat('b-soeren', 'person-soeren', 'bikubenfonden', 'vice-chair'),
      '2018-05-15',
    );
    await ledger.record(
      G,
      'BoardMemberElected',
      seat('b-jens', 'person-jens', 'kab', 'member'),
      '2018-05-15',
    );
    await ledger.record(
      G,
      'BoardMemberRoleChanged',
      {
        allianceId: 'hta',
        seatId: 'b-jens',
        personId: 'person-jens',
        previousRole: 'member',
        role: 'vice-chair',
        changedOn: '2020-05-20',
      },
      '2020-05-20',
    );
    await ledger.record(
      G,
      'BoardMemberSteppedDown',
      {
        allianceId: 'hta',
        seatId: 'b-soeren',
        personId: 'person-soeren',
        steppedDownOn: '2020-05-20',
        reason: null,
      },
      '2020-05-20',
    );
    await ledger.record(
      G,
      'SecretariatStaffLeft',
      {
        allianceId: 'hta',
        seatId: 's-vibe',
        personId: 'person-vibe',
        leftOn: '2021-12-31',
        reason: null,
      },
      '2021-12-31',
    );
    await projectionsCaughtUp(app);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const composition = async (query: string) =>
    (
      await request(app.getHttpServer())
        .get(`/governance/composition?${query}`)
        .set(auth)
        .expect(200)
    ).body;
  const roles = (seats: Array<{ personId: string; role: string }>) =>
    seats.map((s) => [s.personId, s.role]);

  it('names the board on a date in 2018: Agi Csonka chair, Søren Kaare Andersen vice-chair', async () => {
    const body = await composition('asOf=2018-06-01');
    expect(roles(body.bodies.board)).toEqual([
      ['person-agi', 'chair'],
      ['person-soeren', 'vice-chair'],
      ['person-jens', 'member'],
    ]);
    expect(roles(body.bodies['advisory-board'])).toEqual([['person-niels', 'member']]);
    expect(roles(body.bodies.secretariat)).toEqual([['person-vibe', 'director']]);
  });

  it('had no board before the assembly', async () => {
    const body = await composition('asOf=2018-05-14');
    expect(body.bodies.board).toEqual([]);
  });

  it('shows the difference a late-entered election makes: as known before it was typed in, no board', async () => {
    const body = await composition(`asOf=2018-06-01&knownOn=${beforeElectionWasTyped}`);
    expect(body.bodies.board).toEqual([]);
    expect(roles(body.bodies.secretariat)).toEqual([['person-vibe', 'director']]);
  });

  it('follows role changes and stepping down', async () => {
    const body = await composition('asOf=2020-06-01');
    expect(roles(body.bodies.board)).toEqual([
      ['person-agi', 'chair'],
      ['person-jens', 'vice-chair'],
    ]);
    const later = await composition('asOf=2022-01-01&body=secretariat');
    expect(later.bodies.secretariat).toEqual([]);
  });

  it('lists every change in order, former members included, filterable and paginated', async () => {
    const all = (
      await request(app.getHttpServer()).get('/governance/timeline').set(auth).expect(200)
    ).body;
    expect(all.total).toBe(9);
    expect(all.entries.map((e: { kind: string }) => e.kind)).toEqual([
      'SecretariatStaffStarted',
      'AdvisoryBoardMemberAppointed',
      'GeneralAssemblyHeld',
      'BoardMemberElected',
      'BoardMemberElected',
      'BoardMemberElected',
      'BoardMemberRoleChanged',
      'BoardMemberSteppedDown',
      'SecretariatStaffLeft',
    ]);
    const soeren = (
      await request(app.getHttpServer())
        .get('/governance/timeline?personId=person-soeren')
        .set(auth)
        .expect(200)
    ).body;
    expect(soeren.entries.map((e: { kind: string }) => e.kind)).toEqual([
      'BoardMemberElected',
      'BoardMemberSteppedDown',
    ]);
    const board2020 = (
      await request(app.getHttpServer())
        .get('/governance/timeline?body=board&from=2020-01-01&to=2020-12-31')
        .set(auth)
        .expect(200)
    ).body;
    expect(board2020.total).toBe(2);
    const kab = (
      await request(app.getHttpServer())
        .get('/governance/timeline?organisationId=kab')
        .set(auth)
        .expect(200)
    ).body;
    expect(kab.entries.map((e: { kind: string }) => e.kind)).toEqual([
      'BoardMemberElected',
      'BoardMemberRoleChanged',
    ]);
    const page2 = (
      await request(app.getHttpServer())
        .get('/governance/timeline?page=2&pageSize=4')
        .set(auth)
        .expect(200)
    ).body;
    expect(page2).toMatchObject({ page: 2, pageSize: 4, total: 9 });
    expect(page2.entries.map((e: { globalPosition: number }) => e.globalPosition)).toEqual(
      all.entries.slice(4, 8).map((e: { globalPosition: number }) => e.globalPosition),
    );
  });

  it('refuses unknown bodies and bad pages, naming the field', async () => {
    const bad = await request(app.getHttpServer())
      .get('/governance/timeline?body=parliament&pageSize=0')
      .set(auth)
      .expect(400);
    expect(JSON.stringify(bad.body)).toMatch(/body/);
    expect(JSON.stringify(bad.body)).toMatch(/pageSize/);
  });
});
