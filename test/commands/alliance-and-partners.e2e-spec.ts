import { allFivePrinciples, day, hjemTilAlle, Ledger, startLedger } from './support';

describe('recording the alliance and its partners (POST /alliance, /partners)', () => {
  let ledger: Ledger;

  beforeAll(async () => {
    ledger = await startLedger();
  });
  afterAll(() => ledger?.close());

  describe('the alliance', () => {
    it('is founded with its goal of 2300 homes, dated as the client says', async () => {
      await ledger.records('/alliance', hjemTilAlle, {
        streamId: 'alliance-hta',
        id: 'hta',
        events: ['AllianceFounded'],
        occurredAt: day('2016-01-01'),
      });
      const [founded] = await ledger.store.readStream('alliance-hta');
      expect(founded.data).toMatchObject({
        goal: { homes: 2300, fromYear: 2016, toYear: 2026 },
        principles: allFivePrinciples,
      });
    });

    it('revises its goal with a reason', async () => {
      await ledger.records(
        '/alliance/hta/goal-revisions',
        {
          goal: { homes: 2300, fromYear: 2016, toYear: 2027 },
          reason: 'The evaluation phrases the end goal as all young people housed in 2027',
          occurredAt: '2018-12-01',
        },
        {
          streamId: 'alliance-hta',
          events: ['AllianceGoalRevised'],
          occurredAt: day('2018-12-01'),
        },
      );
    });

    it('is founded once (422 alliance-founded-once)', async () => {
      const response = await ledger.post('/alliance', hjemTilAlle).expect(422);
      expect(response.body).toEqual({
        statusCode: 422,
        error: 'Unprocessable Entity',
        rule: 'alliance-founded-once',
        message: 'alliance hta is already founded',
      });
    });

    it('answers 404 for a goal revision of an alliance never founded', async () => {
      const response = await ledger
        .post('/alliance/nowhere/goal-revisions', {
          goal: { homes: 100, fromYear: 2016, toYear: 2026 },
          reason: 'r',
        })
        .expect(404);
      expect(response.body).toMatchObject({ statusCode: 404, what: 'alliance', id: 'nowhere' });
    });

    it('gets a generated UUID when the client names none (an organisation: one alliance per ledger)', async () => {
      const response = await ledger
        .post('/organisations', { name: 'Villumfonden', sector: 'foundation' })
        .expect(201);
      expect(response.body.id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(response.body.streamId).toBe(`organisation-${response.body.id}`);
      expect(await ledger.store.readStream(response.body.streamId)).toHaveLength(1);
    });

    it('a second alliance in the same ledger is refused (422), naming the rule', async () => {
      const response = await ledger
        .post('/alliance', {
          name: 'Hjem til Alle Odense',
          goal: { homes: 100, fromYear: 2020, toYear: 2030 },
        })
        .expect(422);
      expect(response.body.rule).toBe('one-alliance-per-ledger');
    });
  });

  describe('a partner', () => {
    const odense = '/partners/odense-kommune';
    const declaration = {
      declarationId: 'odense-2018',
      purpose: 'We want to stop homelessness among young people; everyone needs a home.',
      contributionsToGoal: ['18 places in dorms, with Bikubenfonden'],
      contributionsToAlliance: ['Act as ambassadors for the goal of stopping youth homelessness'],
      principles: ['housing-first', 'youth-involvement'],
    };

    it('joins the alliance', async () => {
      await ledger.records(
        '/partners',
        {
          partnerId: 'odense-kommune',
          name: 'Odense Kommune',
          sector: 'authority',
          municipality: 'Odense',
          occurredAt: '2018-03-01',
        },
        {
          streamId: 'partner-odense-kommune',
          id: 'odense-kommune',
          events: ['PartnerJoined'],
          occurredAt: day('2018-03-01'),
        },
      );
    });

    it('is renamed', async () => {
      await ledger.records(
        `${odense}/renames`,
        { name: 'Odense Kommune, Socialafdelingen' },
        { streamId: 'partner-odense-kommune', events: ['PartnerRenamed'] },
      );
    });

    it('drafts a partnership declaration, and the answer names it', async () => {
      const answer = await ledger.records(`${odense}/declarations`, declaration, {
        streamId: 'partner-odense-kommune',
        events: ['PartnershipDeclarationDrafted'],
      });
      expect(answer.declarationId).toBe('odense-2018');
    });

    it('cannot sign a declaration without all five principles (422)', async () => {
      const before = await ledger.store.headPosition();
      const response = await ledger
        .post(`${odense}/declarations/odense-2018/sign`, { occurredAt: '2018-06-01' })
        .expect(422);
      expect(response.body.rule).toBe('declaration-commits-to-every-principle');
      expect(response.body.message).toContain('long-term-solutions');
      expect(await ledger.store.readStream('partner-odense-kommune')).toHaveLength(3);
      expect(await ledger.store.headPosition()).toBe(before);
    });

    it('revises the declaration to commit to every principle', async () => {
      const { declarationId: _id, ...content } = declaration;
      await ledger.records(
        `${odense}/declarations/odense-2018/revise`,
        { ...content, principles: allFivePrinciples, reason: 'All five agreed at the meeting' },
        { streamId: 'partner-odense-kommune', events: ['PartnershipDeclarationRevised'] },
      );
    });

    it('signs it', async () => {
      await ledger.records(
        `${odense}/declarations/odense-2018/sign`,
        { occurredAt: '2018-06-01' },
        {
          streamId: 'partner-odense-kommune',
          events: ['PartnershipDeclarationSigned'],
          occurredAt: day('2018-06-01'),
        },
      );
    });

    it('answers 404 for a declaration it never drafted', async () => {
      const response = await ledger.post(`${odense}/declarations/nope/sign`, {}).expect(404);
      expect(response.body).toMatchObject({ what: 'partnership declaration', id: 'nope' });
    });

    it('makes, revises, fulfils and withdraws commitments', async () => {
      const made = await ledger.records(
        `${odense}/commitments`,
        {
          commitmentId: 'dorm-places',
          declarationId: 'odense-2018',
          description: 'Places for homeless young people in dorms in Odense',
          target: { quantity: 18, unit: 'dorm rooms reserved' },
          dueOn: '2018-12-31',
        },
        { streamId: 'partner-odense-kommune', events: ['CommitmentMade'] },
      );
      expect(made.commitmentId).toBe('dorm-places');
      await ledger.records(
        `${odense}/commitments/dorm-places/revise`,
        {
          target: { quantity: 24, unit: 'dorm rooms reserved' },
          dueOn: '2019-12-31',
          reason: 'A third dorm joined',
        },
        { streamId: 'partner-odense-kommune', events: ['CommitmentRevised'] },
      );
      await ledger.records(
        `${odense}/commitments/dorm-places/fulfil`,
        { note: 'All places in use' },
        { streamId: 'partner-odense-kommune', events: ['CommitmentFulfilled'] },
      );
      await ledger.records(
        `${odense}/commitments`,
        {
          commitmentId: 'data-sharing',
          description: 'Share yearly counts of young people housed',
          target: { quantity: 1, unit: 'yearly data delivery' },
          dueOn: '2019-12-31',
        },
        { streamId: 'partner-odense-kommune', events: ['CommitmentMade'] },
      );
      await ledger.records(
        `${odense}/commitments/data-sharing/withdraw`,
        { reason: 'Covered by the national count' },
        { streamId: 'partner-odense-kommune', events: ['CommitmentWithdrawn'] },
      );
    });

    it('cannot fulfil a commitment twice (422 commitment-must-be-open) nor an unknown one (404)', async () => {
      const twice = await ledger.post(`${odense}/commitments/dorm-places/fulfil`, {}).expect(422);
      expect(twice.body.rule).toBe('commitment-must-be-open');
      await ledger.post(`${odense}/commitments/nope/fulfil`, {}).expect(404);
    });

    it('leaves (closing its signed declaration) and rejoins', async () => {
      await ledger.records(
        `${odense}/commitments`,
        {
          commitmentId: 'open-one',
          description: 'Host an action-group meeting',
          target: { quantity: 1, unit: 'meeting' },
          dueOn: '2019-06-30',
        },
        { streamId: 'partner-odense-kommune', events: ['CommitmentMade'] },
      );
      await ledger.records(
        `${odense}/leave`,
        { reason: 'Expectations re-aligned', occurredAt: '2019-01-31' },
        {
          streamId: 'partner-odense-kommune',
          events: ['PartnerLeft', 'PartnershipDeclarationWithdrawn', 'CommitmentWithdrawn'],
        },
      );
      const again = await ledger.post(`${odense}/leave`, {}).expect(422);
      expect(again.body.rule).toBe('leave-needs-membership');
      await ledger.records(
        `${odense}/rejoin`,
        { occurredAt: '2020-05-01' },
        { streamId: 'partner-odense-kommune', events: ['PartnerRejoined'] },
      );
    });

    it('withdraws a declaration with a reason', async () => {
      await ledger.records(
        `${odense}/declarations`,
        { ...declaration, declarationId: 'odense-2020' },
        { streamId: 'partner-odense-kommune', events: ['PartnershipDeclarationDrafted'] },
      );
      await ledger.records(
        `${odense}/declarations/odense-2020/withdraw`,
        { reason: 'Replaced after the strategy revision' },
        { streamId: 'partner-odense-kommune', events: ['PartnershipDeclarationWithdrawn'] },
      );
      const closed = await ledger
        .post(`${odense}/declarations/odense-2020/withdraw`, { reason: 'again' })
        .expect(422);
      expect(closed.body.rule).toBe('withdrawn-declaration-is-closed');
    });

    it('answers 404 for a partner that never joined', async () => {
      const response = await ledger.post('/partners/bikubenfonden/rejoin', {}).expect(404);
      expect(response.body).toMatchObject({ what: 'partner', id: 'bikubenfonden' });
    });

    it('joins once (422 partner-joins-once)', async () => {
      const response = await ledger
        .post('/partners', { partnerId: 'odense-kommune', name: 'Odense', sector: 'authority' })
        .expect(422);
      expect(response.body.rule).toBe('partner-joins-once');
    });
  });
});
