import { scenario } from '../testing/given-when-then';
import { housingReportAggregate } from './housing.aggregate';
import type { ReportHomes } from './housing.commands';
import { streamIdForHousingReport } from './housing.decide';
import type { HomesReported, HousingCountRetracted } from './housing.events';
import { quarterOf, yearOfQuarter } from './quarter';

const report = scenario(housingReportAggregate);

const reportHomes: ReportHomes = {
  type: 'ReportHomes',
  reportId: 'r-2018-q4-bo-sammen',
  count: 18,
  period: '2018-Q4',
  municipality: 'Odense',
  initiativeId: 'bo-sammen',
  partnerId: 'bikubenfonden',
  source: 'Bo Sammen status, December 2018',
  housingType: 'dorm-room',
  permanent: true,
  occurredAt: '2018-12-15',
};
const reported: HomesReported = {
  type: 'HomesReported',
  occurredAt: '2018-12-15T00:00:00.000Z',
  data: {
    reportId: 'r-2018-q4-bo-sammen',
    count: 18,
    period: '2018-Q4',
    municipality: 'Odense',
    initiativeId: 'bo-sammen',
    partnerId: 'bikubenfonden',
    source: 'Bo Sammen status, December 2018',
    housingType: 'dorm-room',
    permanent: true,
  },
};
const retracted: HousingCountRetracted = {
  type: 'HousingCountRetracted',
  data: { reportId: 'r-2018-q4-bo-sammen', reason: 'Reported twice' },
};

describe('a housing report', () => {
  it('lives in its own stream, housing-report-<reportId>', () => {
    expect(streamIdForHousingReport('r1')).toBe('housing-report-r1');
  });

  it('belongs to a quarter that adds up to a year', () => {
    expect(quarterOf('2018-12-15')).toBe('2018-Q4');
    expect(quarterOf('2019-01-01')).toBe('2019-Q1');
    expect(yearOfQuarter('2018-Q4')).toBe(2018);
  });

  describe('reports homes', () => {
    it('with count, quarter, municipality, initiative, partner, source, type and permanence', () => {
      const state = report.given([]).when(reportHomes).then([reported]);
      expect(state.count).toBe(18);
    });

    it('as a temporary host-family stay (Hjem til Dig)', () => {
      report
        .given([])
        .when({
          ...reportHomes,
          reportId: 'r2',
          count: 1,
          municipality: 'Aarhus',
          housingType: 'host-family',
          permanent: false,
        })
        .then([
          {
            ...reported,
            data: {
              ...reported.data,
              reportId: 'r2',
              count: 1,
              municipality: 'Aarhus',
              housingType: 'host-family',
              permanent: false,
            },
          },
        ]);
    });

    it.each([0, -3, 2.5, Number.NaN])('counted in whole numbers above zero, not %p', (count) => {
      report
        .given([])
        .when({ ...reportHomes, count })
        .thenInvalid('count', 'whole-number-above-zero');
    });

    it.each(['2018-Q5', '2018-12', 'Q4 2018'])(
      'for a quarter written YYYY-Qn, not %p',
      (period) => {
        report
          .given([])
          .when({ ...reportHomes, period })
          .thenInvalid('period', 'quarter-period');
      },
    );

    it('of a known kind of home', () => {
      report
        .given([])
        .when({ ...reportHomes, housingType: 'shelter' as never })
        .thenInvalid('housingType', 'known-value');
    });

    it('saying whether the homes are permanent', () => {
      report
        .given([])
        .when({ ...reportHomes, permanent: undefined as never })
        .thenInvalid('permanent', 'required');
    });

    it('from a named source', () => {
      report
        .given([])
        .when({ ...reportHomes, source: '' })
        .thenInvalid('source', 'required');
    });

    it('once per report id (housing-report-recorded-once)', () => {
      report.given([reported]).when(reportHomes).thenBreaks('housing-report-recorded-once');
    });
  });

  describe('is corrected', () => {
    it('with a new count and a reason, keeping the old count', () => {
      const state = report
        .given([reported])
        .when({
          type: 'CorrectHousingCount',
          reportId: 'r-2018-q4-bo-sammen',
          count: 16,
          reason: 'Two rooms were counted in Copenhagen as well',
          occurredAt: '2019-02-01',
        })
        .then([
          {
            type: 'HousingCountCorrected',
            occurredAt: '2019-02-01T00:00:00.000Z',
            data: {
              reportId: 'r-2018-q4-bo-sammen',
              previousCount: 18,
              count: 16,
              reason: 'Two rooms were counted in Copenhagen as well',
            },
          },
        ]);
      expect(state.count).toBe(16);
      expect(state.countHistory.map((entry) => entry.count)).toEqual([18, 16]);
    });

    it('only with a reason', () => {
      report
        .given([reported])
        .when({
          type: 'CorrectHousingCount',
          reportId: 'r-2018-q4-bo-sammen',
          count: 16,
          reason: ' ',
        })
        .thenInvalid('reason', 'required');
    });

    it('to a whole number above zero (retract instead of correcting to 0)', () => {
      report
        .given([reported])
        .when({
          type: 'CorrectHousingCount',
          reportId: 'r-2018-q4-bo-sammen',
          count: 0,
          reason: 'r',
        })
        .thenInvalid('count', 'whole-number-above-zero');
    });

    it('only to a different count (revision-must-change-something)', () => {
      report
        .given([reported])
        .when({
          type: 'CorrectHousingCount',
          reportId: 'r-2018-q4-bo-sammen',
          count: 18,
          reason: 'r',
        })
        .thenBreaks('revision-must-change-something');
    });

    it('never once retracted (retracted-report-is-closed)', () => {
      report
        .given([reported, retracted])
        .when({
          type: 'CorrectHousingCount',
          reportId: 'r-2018-q4-bo-sammen',
          count: 16,
          reason: 'r',
        })
        .thenBreaks('retracted-report-is-closed');
    });

    it('never when the report is unknown', () => {
      report
        .given([])
        .when({ type: 'CorrectHousingCount', reportId: 'r-unknown', count: 16, reason: 'r' })
        .thenNotFound('housing report', 'r-unknown');
    });
  });

  describe('is retracted', () => {
    it('with a reason, after which it counts 0', () => {
      const state = report
        .given([reported])
        .when({
          type: 'RetractHousingCount',
          reportId: 'r-2018-q4-bo-sammen',
          reason: 'Reported twice',
          occurredAt: '2019-03-01',
        })
        .then([{ ...retracted, occurredAt: '2019-03-01T00:00:00.000Z' }]);
      expect(state).toMatchObject({ status: 'retracted', count: 0 });
    });

    it('only with a reason', () => {
      report
        .given([reported])
        .when({ type: 'RetractHousingCount', reportId: 'r-2018-q4-bo-sammen', reason: '' })
        .thenInvalid('reason', 'required');
    });

    it('once (retracted-report-is-closed)', () => {
      report
        .given([reported, retracted])
        .when({ type: 'RetractHousingCount', reportId: 'r-2018-q4-bo-sammen', reason: 'again' })
        .thenBreaks('retracted-report-is-closed');
    });

    it('only when the report is known', () => {
      report
        .given([])
        .when({ type: 'RetractHousingCount', reportId: 'r-unknown', reason: 'r' })
        .thenNotFound('housing report', 'r-unknown');
    });
  });
});
