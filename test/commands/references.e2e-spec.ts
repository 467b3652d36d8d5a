import request from 'supertest';
import { READ_MODEL_SCHEMA } from '@ledger/read-models';
import { PersonRegister } from '@ledger/platform';
import { hjemTilAlle, Ledger, startLedger } from './support';

/**
 * Issue 17, item 1: every command that names another thing of the ledger refuses an unknown one
 * with 404 naming the field and the id, and appends nothing. One case per reference a command
 * can hold; each is sent with everything else valid, so only the unknown id can be the reason.
 */
describe('references to other things of the ledger', () => {
  let ledger: Ledger;

  const known = {
    alliance: hjemTilAlle.allianceId,
    partner: 'bikubenfonden',
    initiative: 'kollegiemodellen',
    person: 'person-known',
    organisation: 'villumfonden',
  };
  const assembly = { assemblyId: 'ga-2017', occurredAt: '2017-08-01' };

  beforeAll(async () => {
    ledger = await startLedger();
    await ledger.post('/alliance', hjemTilAlle).expect(201);
    await ledger
      .post('/partners', { partnerId: known.partner, name: 'Bikubenfonden', sector: 'foundation' })
      .expect(201);
    await ledger
      .post('/partners', {
        partnerId: 'koebenhavns-kommune',
        name: 'Københavns Kommune',
        sector: 'authority',
      })
      .expect(201);
    await ledger
      .post('/organisations', {
        organisationId: known.organisation,
        name: 'Villumfonden',
        sector: 'foundation',
      })
      .expect(201);
    await ledger
      .post('/initiatives', {
        initiativeId: known.initiative,
        name: 'Kollegiemodellen',
        description: 'Dorm rooms for homeless students',
        leadPartnerIds: [known.partner],
        target: { quantity: 100, unit: 'homes' },
      })
      .expect(201);
    await ledger.app.get(PersonRegister).register({ personId: known.person, name: 'Agi Csonka' });
    await ledger.post(`/governance/${known.alliance}/general-assemblies`, assembly).expect(201);
  });
  afterAll(() => ledger?.close());

  const report = {
    reportId: 'r-1',
    count: 3,
    period: '2018-Q4',
    municipality: 'København',
    initiativeId: known.initiative,
    partnerId: known.partner,
    source: 'dorm allocation list',
    housingType: 'dorm-room',
    permanent: true,
    occurredAt: '2018-12-15',
  };
  const election = {
    assemblyId: assembly.assemblyId,
    personId: known.person,
    organisationId: known.organisation,
    role: 'member',
  };
  const launch = {
    initiativeId: 'hjem-til-dig',
    name: 'Hjem til Dig',
    description: 'Host families',
    leadPartnerIds: [known.partner],
    participatingPartnerIds: ['koebenhavns-kommune'],
    target: { quantity: 50, unit: 'young-people-reached' },
  };
  const grant = {
    grantId: 'g-1',
    funderOrganisationId: known.organisation,
    recipient: 'initiative',
    initiativeId: known.initiative,
    amountDkkPerYear: 1000000,
    period: { startsOn: '2018-01-01', endsOn: '2020-12-31' },
  };
  const g = `/governance/${known.alliance}`;

  /** [what is sent, path, body, the field that names the unknown thing, its kind]. */
  const cases: Array<[string, string, object, string, string]> = [
    [
      'homes under an unknown initiative',
      '/housing-reports',
      { ...report, initiativeId: 'no-such-initiative' },
      'initiativeId',
      'initiative',
    ],
    [
      'homes of an unknown partner',
      '/housing-reports',
      { ...report, partnerId: 'no-such-partner' },
      'partnerId',
      'partner',
    ],
    [
      'an election of an unregistered person',
      `${g}/board/elections`,
      { ...election, personId: 'person-nobody' },
      'personId',
      'person',
    ],
    [
      'an election for an unknown organisation',
      `${g}/board/elections`,
      { ...election, organisationId: 'no-such-org' },
      'organisationId',
      'organisation',
    ],
    [
      'an assembly with an unknown member present',
      `${g}/general-assemblies`,
      { ...assembly, assemblyId: 'ga-2', membersPresent: [known.partner, 'no-such-member'] },
      'membersPresent[1]',
      'partner',
    ],
    [
      'an Advisory Board seat for an unknown organisation',
      `${g}/advisory-board/appointments`,
      { organisationId: 'no-such-org', representativePersonId: known.person },
      'organisationId',
      'organisation',
    ],
    [
      'an Advisory Board seat of an unregistered person',
      `${g}/advisory-board/appointments`,
      { organisationId: known.partner, representativePersonId: 'person-nobody' },
      'representativePersonId',
      'person',
    ],
    [
      'a secretariat start of an unregistered person',
      `${g}/secretariat/starts`,
      { personId: 'person-nobody', role: 'director' },
      'personId',
      'person',
    ],
    [
      'an initiative led by an unknown partner',
      '/initiatives',
      { ...launch, leadPartnerIds: ['no-such-partner'] },
      'leadPartnerIds[0]',
      'partner',
    ],
    [
      'an initiative with an unknown participant',
      '/initiatives',
      { ...launch, participatingPartnerIds: ['koebenhavns-kommune', 'no-such-partner'] },
      'participatingPartnerIds[1]',
      'partner',
    ],
    [
      'an unknown partner joining an initiative',
      `/initiatives/${known.initiative}/partners`,
      { partnerId: 'no-such-partner', role: 'participant' },
      'partnerId',
      'partner',
    ],
    [
      'a grant from an unknown funder',
      '/grants',
      { ...grant, funderOrganisationId: 'no-such-funder' },
      'funderOrganisationId',
      'organisation',
    ],
    [
      'a grant to an unknown initiative',
      '/grants',
      { ...grant, initiativeId: 'no-such-initiative' },
      'initiativeId',
      'initiative',
    ],
    [
      'governance of an unknown alliance',
      '/governance/no-such-alliance/general-assemblies',
      { ...assembly, assemblyId: 'ga-3' },
      'allianceId',
      'alliance',
    ],
  ];

  it.each(cases)(
    'refuses %s with 404 naming the field and the id, appending nothing',
    async (_, path, body, field, kind) => {
      const before = await ledger.store.headPosition();
      const answer = await ledger.post(path, body);
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ statusCode: 404, field, what: kind });
      expect(answer.body.message).toContain(field);
      expect(answer.body.message).toContain(answer.body.id);
      expect(answer.body.id).toMatch(/^(no-such|person-nobody)/);
      expect(await ledger.store.headPosition()).toBe(before);
    },
  );

  it('records each of them when every id is known (the cases differ only in the unknown id)', async () => {
    await ledger.post('/housing-reports', report).expect(201);
    await ledger.post(`${g}/board/elections`, election).expect(201);
    await ledger.post('/initiatives', launch).expect(201);
    await ledger.post('/grants', grant).expect(201);
    await ledger
      .post(`${g}/general-assemblies`, {
        ...assembly,
        assemblyId: 'ga-4',
        membersPresent: [known.partner],
      })
      .expect(201);
  });

  it('counts no homes under an unknown initiative anywhere the board looks', async () => {
    await ledger
      .post('/housing-reports', { ...report, reportId: 'r-x', initiativeId: 'no-such-initiative' })
      .expect(404);
    const progress = await request(ledger.app.getHttpServer())
      .get('/progress')
      .set(ledger.auth)
      .expect(200);
    expect(JSON.stringify(progress.body)).not.toContain('no-such-initiative');
  });

  it('refuses a second alliance, so the first keeps its goal on every page (item 3)', async () => {
    const before = await ledger.store.headPosition();
    const second = await ledger.post('/alliance', {
      allianceId: 'another',
      name: 'Another alliance',
      goal: { homes: 4, fromYear: 2010, toYear: 2011 },
      occurredAt: '2010-01-01',
    });
    expect(second.status).toBe(422);
    expect(second.body.rule).toBe('one-alliance-per-ledger');
    expect(await ledger.store.headPosition()).toBe(before);
    // Founding the ledger's own alliance again is still answered as before.
    const again = await ledger.post('/alliance', hjemTilAlle);
    expect(again.status).toBe(422);
    expect(again.body.rule).toBe('alliance-founded-once');
  });

  it('shows in /data-quality the records a ledger already holds that name unknown things', async () => {
    const { occurredAt: _occurredAt, ...reportData } = report;
    // Written past the commands, as a ledger from before this check or a faulty tool would have.
    await ledger.store.append(
      'housing-report-legacy',
      [
        {
          type: 'HomesReported',
          occurredAt: '2019-03-01T00:00:00.000Z',
          data: {
            ...reportData,
            reportId: 'legacy',
            initiativeId: 'ghost-initiative',
            partnerId: 'ghost-partner',
          },
        },
      ],
      'no_stream',
      { commandId: 'legacy-1', actor: { id: 'test', role: 'secretariat' } },
    );
    const schema = ledger.app.get<string>(READ_MODEL_SCHEMA);
    expect(schema).toBeTruthy();
    let flagged: Array<Record<string, string>> = [];
    for (let attempt = 0; attempt < 50; attempt++) {
      const quality = await request(ledger.app.getHttpServer())
        .get('/data-quality')
        .set(ledger.auth)
        .expect(200);
      flagged = quality.body.recordsNamingUnknownThings;
      if (flagged.some((row) => row.recordId === 'legacy')) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(flagged).toEqual(
      expect.arrayContaining([
        {
          record: 'housing-report',
          recordId: 'legacy',
          field: 'initiativeId',
          kind: 'initiative',
          id: 'ghost-initiative',
        },
        {
          record: 'housing-report',
          recordId: 'legacy',
          field: 'partnerId',
          kind: 'partner',
          id: 'ghost-partner',
        },
      ]),
    );
    expect(flagged.filter((row) => row.recordId !== 'legacy')).toEqual([]);
  });
});
