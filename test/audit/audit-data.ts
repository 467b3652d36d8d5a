import { LedgerEvents } from '../support/ledger-events';

/**
 * A realistic small ledger: partners, two initiatives, reports over four years in several
 * municipalities, corrections (one recorded late about an earlier day) and retractions, and a
 * board with an election, a role change and a step-down.
 */
export async function recordRealisticLedger(ledger: LedgerEvents): Promise<void> {
  await ledger.foundAlliance();
  await ledger.partnerJoined('bikubenfonden', 'Bikubenfonden', 'foundation', null);
  await ledger.partnerJoined('koebenhavns-kommune', 'Københavns Kommune', 'authority', 'København');
  await ledger.partnerJoined('roede-kors', 'Røde Kors', 'civil-society', null);
  await ledger.partnerJoined(
    'aarhus-kommune',
    'Aarhus Kommune',
    'authority',
    'Aarhus',
    '2018-02-01',
  );
  await ledger.initiativeLaunched('kollegiemodellen', 'Kollegiemodellen (Bo Sammen)', 100);
  await ledger.initiativeLaunched('hjem-til-dig', 'Hjem til Dig', 60);
  const reports: Array<[string, number, string, string, string, string, string]> = [
    ['r1', 18, '2018-Q2', 'København', 'kollegiemodellen', 'bikubenfonden', '2018-06-30'],
    ['r2', 2, '2018-Q4', 'Aarhus', 'hjem-til-dig', 'roede-kors', '2018-12-15'],
    ['r3', 5, '2019-Q1', 'Odense', 'kollegiemodellen', 'koebenhavns-kommune', '2019-03-31'],
    ['r4', 3, '2019-Q2', 'Odense', 'kollegiemodellen', 'koebenhavns-kommune', '2019-06-30'],
    ['r5', 7, '2019-Q3', 'Aarhus', 'hjem-til-dig', 'aarhus-kommune', '2019-09-30'],
    ['r6', 11, '2019-Q4', 'København', 'kollegiemodellen', 'bikubenfonden', '2019-12-31'],
    ['r7', 4, '2020-Q1', 'Aarhus', 'hjem-til-dig', 'aarhus-kommune', '2020-03-31'],
    ['r8', 9, '2020-Q2', 'København', 'hjem-til-dig', 'roede-kors', '2020-06-30'],
    ['r9', 6, '2021-Q1', 'Odense', 'kollegiemodellen', 'koebenhavns-kommune', '2021-03-31'],
  ];
  for (const report of reports) await ledger.homesReported(...report);
  await ledger.corrected('r1', 18, 16, 'double counted', '2019-03-02');
  await ledger.retracted('r4', 'reported by mistake', '2019-07-15');
  await ledger.corrected('r6', 11, 12, 'one home missed', '2020-01-20');
  await ledger.corrected('r6', 12, 10, 'two were temporary stays', '2020-02-10');
  await ledger.retracted('r8', 'counted by another partner too', '2020-08-01');
  await ledger.corrected('r5', 7, 8, 'late registration', '2019-11-01');

  const governance = 'governance-hta';
  await ledger.record(
    governance,
    'GeneralAssemblyHeld',
    {
      allianceId: 'hta',
      assemblyId: 'ga-2018',
      heldOn: '2018-04-20',
      membersPresent: ['bikubenfonden'],
    },
    '2018-04-20',
  );
  await ledger.record(
    governance,
    'BoardMemberElected',
    {
      allianceId: 'hta',
      seatId: 'seat-1',
      assemblyId: 'ga-2018',
      personId: 'anna',
      organisationId: 'bikubenfonden',
      role: 'chair',
      term: { startsOn: '2018-04-20', endsOn: '2020-04-20' },
    },
    '2018-04-20',
  );
  await ledger.record(
    governance,
    'BoardMemberElected',
    {
      allianceId: 'hta',
      seatId: 'seat-2',
      assemblyId: 'ga-2018',
      personId: 'bo',
      organisationId: 'roede-kors',
      role: 'member',
      term: { startsOn: '2018-04-20', endsOn: null },
    },
    '2018-04-20',
  );
  await ledger.record(
    governance,
    'BoardMemberRoleChanged',
    {
      allianceId: 'hta',
      seatId: 'seat-2',
      personId: 'bo',
      previousRole: 'member',
      role: 'vice-chair',
      changedOn: '2019-01-10',
    },
    '2019-01-10',
  );
  await ledger.record(
    governance,
    'BoardMemberSteppedDown',
    {
      allianceId: 'hta',
      seatId: 'seat-2',
      personId: 'bo',
      steppedDownOn: '2019-11-30',
      reason: 'moved abroad',
    },
    '2019-11-30',
  );
}
