import { day, hjemTilAlle, Ledger, startLedger } from './support';

describe('recording initiatives, housing counts, grants, evaluations and reference counts', () => {
  let ledger: Ledger;

  beforeAll(async () => {
    ledger = await startLedger();
    await ledger.knows({
      partners: ['bikubenfonden', 'koebenhavns-kommune', 'odense-kommune', 'lauritzen-fonden'],
    });
  });
  afterAll(() => ledger?.close());

  it('launches Kollegiemodellen toward 100 homes and moves it through its phases', async () => {
    const kollegie = '/initiatives/kollegiemodellen';
    const streamId = 'initiative-kollegiemodellen';
    await ledger.records(
      '/initiatives',
      {
        initiativeId: 'kollegiemodellen',
        name: 'Kollegiemodellen (Bo Sammen)',
        description: 'Dorms reserve 10-20 % of rooms for homeless young people',
        leadPartnerIds: ['bikubenfonden'],
        participatingPartnerIds: ['koebenhavns-kommune', 'odense-kommune'],
        municipalities: ['København', 'Odense'],
        target: { quantity: 100, unit: 'homes' },
        phase: 'pilot',
        occurredAt: '2017-09-01',
      },
      {
        streamId,
        id: 'kollegiemodellen',
        events: ['InitiativeLaunched'],
        occurredAt: day('2017-09-01'),
      },
    );
    await ledger.records(
      `${kollegie}/phase`,
      { phase: 'scaling' },
      { streamId, events: ['InitiativeMovedToPhase'] },
    );
    const back = await ledger.post(`${kollegie}/phase`, { phase: 'pilot' }).expect(422);
    expect(back.body.rule).toBe('phases-move-forward');
    await ledger.records(
      `${kollegie}/target-revisions`,
      { target: { quantity: 120, unit: 'homes' }, reason: 'Herlev joins through Lauritzen Fonden' },
      { streamId, events: ['InitiativeTargetRevised'] },
    );
    await ledger.records(
      `${kollegie}/partners`,
      { partnerId: 'lauritzen-fonden', role: 'participant' },
      { streamId, events: ['PartnerJoinedInitiative'] },
    );
    await ledger.records(
      `${kollegie}/partners/lauritzen-fonden/leave`,
      { reason: 'Agreement ended' },
      { streamId, events: ['PartnerLeftInitiative'] },
    );
    const onlyLead = await ledger.post(`${kollegie}/partners/bikubenfonden/leave`, {}).expect(422);
    expect(onlyLead.body.rule).toBe('initiative-needs-a-lead-partner');
    await ledger.post('/initiatives/hjem-til-dig/phase', { phase: 'pilot' }).expect(404);
  });

  it('reports 18 homes, corrects the count, retracts it, and refuses to correct a retracted report', async () => {
    const streamId = 'housing-report-bo-sammen-2018-q4';
    await ledger.records(
      '/housing-reports',
      {
        reportId: 'bo-sammen-2018-q4',
        count: 18,
        period: '2018-Q4',
        municipality: 'København',
        initiativeId: 'kollegiemodellen',
        partnerId: 'bikubenfonden',
        source: "Bikubenfonden's dorm allocation list",
        housingType: 'dorm-room',
        permanent: true,
        occurredAt: '2018-12-15',
      },
      {
        streamId,
        id: 'bo-sammen-2018-q4',
        events: ['HomesReported'],
        occurredAt: day('2018-12-15'),
      },
    );
    await ledger.records(
      '/housing-reports/bo-sammen-2018-q4/corrections',
      { count: 12, reason: '6 of the places are in Odense' },
      { streamId, events: ['HousingCountCorrected'] },
    );
    await ledger.records(
      '/housing-reports/bo-sammen-2018-q4/retractions',
      { reason: 'Reported twice' },
      { streamId, events: ['HousingCountRetracted'] },
    );
    const before = await ledger.store.headPosition();
    const closed = await ledger
      .post('/housing-reports/bo-sammen-2018-q4/corrections', { count: 10, reason: 'again' })
      .expect(422);
    expect(closed.body).toMatchObject({ rule: 'retracted-report-is-closed' });
    expect(await ledger.store.headPosition()).toBe(before);
    const unknown = await ledger
      .post('/housing-reports/never-reported/retractions', { reason: 'r' })
      .expect(404);
    expect(unknown.body).toMatchObject({ what: 'housing report', id: 'never-reported' });
  });

  it("awards, extends and ends Bikubenfonden's grant to the secretariat", async () => {
    const streamId = 'grant-bikubenfonden-secretariat';
    await ledger.records(
      '/grants',
      {
        grantId: 'bikubenfonden-secretariat',
        funderOrganisationId: 'bikubenfonden',
        recipient: 'secretariat',
        amountDkkPerYear: 3_000_000,
        period: { startsOn: '2017-08-01', endsOn: '2021-12-31' },
      },
      { streamId, id: 'bikubenfonden-secretariat', events: ['GrantAwarded'] },
    );
    const shorter = await ledger
      .post('/grants/bikubenfonden-secretariat/extensions', { endsOn: '2020-12-31' })
      .expect(422);
    expect(shorter.body.rule).toBe('extension-lengthens-grant');
    await ledger.records(
      '/grants/bikubenfonden-secretariat/extensions',
      { endsOn: '2026-12-31' },
      { streamId, events: ['GrantExtended'] },
    );
    await ledger.records(
      '/grants/bikubenfonden-secretariat/end',
      { reason: 'Replaced by a ten-year commitment', occurredAt: '2022-12-31' },
      { streamId, events: ['GrantEnded'] },
    );
    await ledger.post('/grants/no-such-grant/end', {}).expect(404);
  });

  it('opens the 2018 PLUSS round, takes the scores and concludes it', async () => {
    const streamId = 'evaluation-round-pluss-2018';
    await ledger.records(
      '/evaluation-rounds',
      {
        roundId: 'pluss-2018',
        name: 'The state of the alliance 2018',
        evaluator: 'Pluss Leadership',
      },
      { streamId, id: 'pluss-2018', events: ['EvaluationRoundOpened'] },
    );
    await ledger.records(
      '/evaluation-rounds/pluss-2018/scores',
      {
        scores: [
          { body: 'board', parameter: 'common-understanding', presentState: 4, wishedPriority: 3 },
          {
            body: 'advisory-board',
            parameter: 'common-understanding',
            presentState: 3,
            wishedPriority: 4,
          },
        ],
      },
      { streamId, events: ['EvaluationParameterScored', 'EvaluationParameterScored'] },
    );
    const twice = await ledger
      .post('/evaluation-rounds/pluss-2018/scores', {
        scores: [
          { body: 'board', parameter: 'common-understanding', presentState: 5, wishedPriority: 5 },
        ],
      })
      .expect(422);
    expect(twice.body.rule).toBe('score-once-per-body-and-parameter');
    await ledger.records(
      '/evaluation-rounds/pluss-2018/conclude',
      { summary: 'Between phase 1 and 2' },
      { streamId, events: ['EvaluationRoundConcluded'] },
    );
  });

  it('records a national reference count apart from the housing count', async () => {
    await ledger
      .post('/reference-counts/hta', {
        source: 'VIVE',
        occurredAt: '2022-09-01',
        changePercent: -18,
      })
      .expect(404);
    await ledger.records('/alliance', hjemTilAlle, {
      streamId: 'alliance-hta',
      events: ['AllianceFounded'],
    });
    const answer = await ledger.records(
      '/reference-counts/hta',
      {
        countId: 'vive-2022',
        source: 'VIVE, Hjemløshed i Danmark 2022',
        occurredAt: '2022-09-01',
        changePercent: -18,
        comparedWith: 'VIVE 2019',
      },
      {
        streamId: 'reference-counts-hta',
        id: 'hta',
        events: ['ReferenceCountRecorded'],
        occurredAt: day('2022-09-01'),
      },
    );
    expect(answer.countId).toBe('vive-2022');
    const again = await ledger
      .post('/reference-counts/hta', {
        countId: 'vive-2022-b',
        source: 'VIVE, Hjemløshed i Danmark 2022',
        occurredAt: '2022-09-01',
        changePercent: -18,
      })
      .expect(422);
    expect(again.body.rule).toBe('reference-count-recorded-once');
  });
});
