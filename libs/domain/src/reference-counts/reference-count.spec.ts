import { scenario } from '../testing/given-when-then';
import { referenceCountsAggregate } from './reference-count.aggregate';
import type { RecordReferenceCount } from './reference-count.commands';
import { streamIdForReferenceCounts } from './reference-count.decide';
import type { ReferenceCountRecorded } from './reference-count.events';

const counts = scenario(referenceCountsAggregate);

const record2022: RecordReferenceCount = {
  type: 'RecordReferenceCount',
  allianceId: 'hta',
  countId: 'vive-2022',
  source: 'VIVE, Hjemløshed i Danmark 2022',
  occurredAt: '2022-09-05',
  changePercent: -18,
  comparedWith: 'the 2019 count',
};
const recorded2022: ReferenceCountRecorded = {
  type: 'ReferenceCountRecorded',
  occurredAt: '2022-09-05T00:00:00.000Z',
  data: {
    allianceId: 'hta',
    countId: 'vive-2022',
    source: 'VIVE, Hjemløshed i Danmark 2022',
    countedOn: '2022-09-05',
    area: 'Danmark',
    ageFrom: 18,
    ageTo: 29,
    homelessYoungPeople: null,
    changePercent: -18,
    comparedWith: 'the 2019 count',
  },
};

describe('external reference counts', () => {
  it('live in one stream per alliance, reference-counts-<allianceId>, apart from housing reports', () => {
    expect(streamIdForReferenceCounts('hta')).toBe('reference-counts-hta');
  });

  it('record a national count as a change in per cent, for ages 18-29 in Denmark by default', () => {
    counts.given([]).when(record2022).then([recorded2022]);
  });

  it('record a national count as a number of homeless young people', () => {
    counts
      .given([])
      .when({
        type: 'RecordReferenceCount',
        allianceId: 'hta',
        countId: 'baseline',
        source: 'SFI 2015',
        occurredAt: '2015-02-09',
        homelessYoungPeople: 2300,
      })
      .then([
        {
          type: 'ReferenceCountRecorded',
          occurredAt: '2015-02-09T00:00:00.000Z',
          data: {
            allianceId: 'hta',
            countId: 'baseline',
            source: 'SFI 2015',
            countedOn: '2015-02-09',
            area: 'Danmark',
            ageFrom: 18,
            ageTo: 29,
            homelessYoungPeople: 2300,
            changePercent: null,
            comparedWith: null,
          },
        },
      ]);
  });

  it('need a figure (reference-count-needs-a-figure)', () => {
    counts
      .given([])
      .when({ ...record2022, changePercent: null })
      .thenInvalid('homelessYoungPeople', 'reference-count-needs-a-figure');
  });

  it('count whole numbers of young people', () => {
    counts
      .given([])
      .when({ ...record2022, homelessYoungPeople: 12.5 })
      .thenInvalid('homelessYoungPeople', 'whole-number-above-zero');
  });

  it('give a change as a finite number', () => {
    counts
      .given([])
      .when({ ...record2022, changePercent: Number.POSITIVE_INFINITY })
      .thenInvalid('changePercent', 'finite-number');
  });

  it('give an age range in order (age-range-in-order)', () => {
    counts
      .given([])
      .when({ ...record2022, ageFrom: 29, ageTo: 18 })
      .thenInvalid('ageTo', 'age-range-in-order');
  });

  it('are dated with a real date', () => {
    counts
      .given([])
      .when({ ...record2022, occurredAt: '2022-09-31' })
      .thenInvalid('occurredAt', 'iso-date');
  });

  it('are recorded once, by id or by source, day, area and ages (reference-count-recorded-once)', () => {
    counts.given([recorded2022]).when(record2022).thenBreaks('reference-count-recorded-once');
    counts
      .given([recorded2022])
      .when({ ...record2022, countId: 'vive-2022-again' })
      .thenBreaks('reference-count-recorded-once');
  });
});
