import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@ledger/event-store';
import { day, hjemTilAlle, Ledger, SECRETARIAT, startLedger } from './support';

/** The board, the Advisory Board, the secretariat and the assemblies share one stream. */
describe('recording governance (POST /governance/:allianceId/...)', () => {
  let ledger: Ledger;
  const stream = 'governance-hta';
  const gov = '/governance/hta';

  beforeAll(async () => {
    ledger = await startLedger();
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => ledger?.close());

  it('answers 404 while the alliance is not founded, and records nothing', async () => {
    const response = await ledger
      .post(`${gov}/general-assemblies`, { assemblyId: 'ga-2018', occurredAt: '2018-05-15' })
      .expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, what: 'alliance', id: 'hta' });
    expect(await ledger.store.headPosition()).toBe(0);
  });

  it('holds the May general assembly, with the members present', async () => {
    await ledger.records('/alliance', hjemTilAlle, {
      streamId: 'alliance-hta',
      events: ['AllianceFounded'],
    });
    await ledger.knows({
      partners: ['bikubenfonden', 'kab', 'realdania'],
      organisations: ['villumfonden'],
      persons: ['0001', '0002', '0003', '0014', '0021', '0031', '0032'].map((n) => `person-${n}`),
    });
    const answer = await ledger.records(
      `${gov}/general-assemblies`,
      { assemblyId: 'ga-2018', membersPresent: ['bikubenfonden', 'kab'], occurredAt: '2018-05-15' },
      {
        streamId: stream,
        id: 'hta',
        events: ['GeneralAssemblyHeld'],
        occurredAt: day('2018-05-15'),
      },
    );
    expect(answer.assemblyId).toBe('ga-2018');
  });

  it('elects Agi Csonka (by person id) as chair, dated by the assembly', async () => {
    await ledger.records(
      `${gov}/board/elections`,
      {
        assemblyId: 'ga-2018',
        personId: 'person-0001',
        organisationId: 'villumfonden',
        role: 'chair',
      },
      { streamId: stream, events: ['BoardMemberElected'], occurredAt: day('2018-05-15') },
    );
    const [, elected] = await ledger.store.readStream(stream);
    expect(elected.data).toMatchObject({
      personId: 'person-0001',
      role: 'chair',
      term: { startsOn: '2018-05-15', endsOn: null },
    });
  });

  it('refuses a second chair (422 one-chair-at-a-time) and records nothing', async () => {
    const before = await ledger.store.headPosition();
    const response = await ledger
      .post(`${gov}/board/elections`, {
        assemblyId: 'ga-2018',
        personId: 'person-0002',
        organisationId: 'bikubenfonden',
        role: 'chair',
      })
      .expect(422);
    expect(response.body).toMatchObject({
      statusCode: 422,
      error: 'Unprocessable Entity',
      rule: 'one-chair-at-a-time',
    });
    expect(await ledger.store.headPosition()).toBe(before);
    expect(await ledger.store.readStream(stream)).toHaveLength(2);
  });

  it('refuses an election at an assembly never held (422)', async () => {
    const response = await ledger
      .post(`${gov}/board/elections`, {
        assemblyId: 'ga-1999',
        personId: 'person-0003',
        organisationId: 'kab',
        role: 'member',
      })
      .expect(422);
    expect(response.body.rule).toBe('election-at-a-held-general-assembly');
  });

  it('changes a role and lets a member step down', async () => {
    await ledger.records(
      `${gov}/board/elections`,
      {
        assemblyId: 'ga-2018',
        personId: 'person-0002',
        organisationId: 'bikubenfonden',
        role: 'member',
      },
      { streamId: stream, events: ['BoardMemberElected'] },
    );
    await ledger.records(
      `${gov}/board/role-changes`,
      { personId: 'person-0002', role: 'vice-chair', occurredAt: '2018-09-01' },
      { streamId: stream, events: ['BoardMemberRoleChanged'], occurredAt: day('2018-09-01') },
    );
    await ledger.records(
      `${gov}/board/step-downs`,
      { personId: 'person-0002', reason: 'New position', occurredAt: '2019-05-01' },
      { streamId: stream, events: ['BoardMemberSteppedDown'] },
    );
    const again = await ledger
      .post(`${gov}/board/step-downs`, { personId: 'person-0002', occurredAt: '2019-06-01' })
      .expect(422);
    expect(again.body.rule).toBe('step-down-needs-current-seat');
  });

  it('appoints to and releases from the Advisory Board', async () => {
    await ledger.records(
      `${gov}/advisory-board/appointments`,
      {
        organisationId: 'realdania',
        representativePersonId: 'person-0014',
        occurredAt: '2017-08-24',
      },
      { streamId: stream, events: ['AdvisoryBoardMemberAppointed'] },
    );
    await ledger.records(
      `${gov}/advisory-board/departures`,
      { organisationId: 'realdania', occurredAt: '2019-06-01' },
      { streamId: stream, events: ['AdvisoryBoardMemberLeft'] },
    );
  });

  it('records secretariat staff starting and leaving', async () => {
    await ledger.records(
      `${gov}/secretariat/starts`,
      { personId: 'person-0021', role: 'director', occurredAt: '2017-08-24' },
      { streamId: stream, events: ['SecretariatStaffStarted'] },
    );
    await ledger.records(
      `${gov}/secretariat/departures`,
      { personId: 'person-0021', reason: 'New position', occurredAt: '2021-02-28' },
      { streamId: stream, events: ['SecretariatStaffLeft'] },
    );
  });

  describe('when the stream moves between reading and appending', () => {
    /** Another writer's assembly, appended straight to the store. */
    const someoneElseHoldsAnAssembly = (): Promise<unknown> =>
      ledger.store.append(
        stream,
        [
          {
            type: 'GeneralAssemblyHeld',
            data: {
              allianceId: 'hta',
              assemblyId: `ga-${randomUUID()}`,
              heldOn: '2019-05-14',
              membersPresent: [],
            },
            occurredAt: '2019-05-14',
          },
        ],
        'any',
        { commandId: randomUUID(), actor: SECRETARIAT },
      );

    /** After each read of the governance stream (up to `times`), someone else appends to it. */
    function moveTheStreamAfterReading(times: number): void {
      const readStream = ledger.store.readStream.bind(ledger.store);
      let moved = 0;
      jest.spyOn(ledger.store, 'readStream').mockImplementation(async (streamId, options) => {
        const events: RecordedEvent[] = await readStream(streamId, options);
        if (streamId === stream && options === undefined && moved < times) {
          moved++;
          await someoneElseHoldsAnAssembly();
        }
        return events;
      });
    }

    it('decides again on the new state and records (201)', async () => {
      moveTheStreamAfterReading(1);
      const before = (await ledger.store.readStream(stream)).length;
      const response = await ledger
        .post(`${gov}/general-assemblies`, { assemblyId: 'ga-2019', occurredAt: '2019-05-14' })
        .expect(201);
      expect(response.body.version).toBe(before + 2);
      expect(response.body.events).toEqual(['GeneralAssemblyHeld']);
    });

    it('answers 409 when it keeps moving, saying the client may retry, and records nothing of its own', async () => {
      moveTheStreamAfterReading(10);
      const response = await ledger
        .post(`${gov}/general-assemblies`, { assemblyId: 'ga-2020', occurredAt: '2020-05-12' })
        .set('Idempotency-Key', 'ga-2020-attempt')
        .expect(409);
      expect(response.body).toMatchObject({
        statusCode: 409,
        error: 'Conflict',
        streamId: stream,
        retryable: true,
      });
      expect(typeof response.body.expectedVersion).toBe('number');
      expect(response.body.actualVersion).toBeGreaterThan(response.body.expectedVersion);
      expect(response.body.message).toContain('Send the command again');
      jest.restoreAllMocks();
      const events = await ledger.store.readStream(stream);
      expect(events.filter((e) => e.commandId === 'ga-2020-attempt')).toEqual([]);
    });

    it('lets only one of two chairs elected at once win; the other is refused on the new state', async () => {
      await ledger.records(
        `${gov}/board/step-downs`,
        { personId: 'person-0001', occurredAt: '2019-05-14' },
        { streamId: stream, events: ['BoardMemberSteppedDown'] },
      );
      const elect = (personId: string) =>
        ledger.post(`${gov}/board/elections`, {
          assemblyId: 'ga-2019',
          personId,
          organisationId: 'kab',
          role: 'chair',
        });
      const answers = await Promise.all([elect('person-0031'), elect('person-0032')]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
      expect(answers.find((a) => a.status === 422)?.body.rule).toBe('one-chair-at-a-time');
      const chairs = (await ledger.store.readStream(stream)).filter(
        (e) => e.type === 'BoardMemberElected' && (e.data as { role: string }).role === 'chair',
      );
      expect(chairs).toHaveLength(2); // Agi Csonka in 2018 and one of the two in 2019
    });
  });
});
