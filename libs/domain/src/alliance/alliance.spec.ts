import { scenario } from '../testing/given-when-then';
import { allianceAggregate } from './alliance.aggregate';
import { streamIdForAlliance } from './alliance.decide';
import type { AllianceFounded } from './alliance.events';

const alliance = scenario(allianceAggregate);

const founded: AllianceFounded = {
  type: 'AllianceFounded',
  occurredAt: '2016-01-01T00:00:00.000Z',
  data: {
    allianceId: 'hta',
    name: 'Hjem til Alle',
    goal: { homes: 2300, fromYear: 2016, toYear: 2026 },
    principles: [
      'youth-involvement',
      'housing-first',
      'long-term-solutions',
      'cross-sector-work',
      'data-driven-work',
    ],
    strategicEfforts: ['more-affordable-homes', 'better-social-support', 'prevention'],
  },
};

describe('the alliance', () => {
  describe('is founded', () => {
    it('with its goal of 2300 homes, its time frame, the five principles and the three efforts', () => {
      const state = alliance
        .given([])
        .when({
          type: 'FoundAlliance',
          allianceId: 'hta',
          name: 'Hjem til Alle',
          goal: { homes: 2300, fromYear: 2016, toYear: 2026 },
          occurredAt: '2016-01-01',
        })
        .then([founded]);
      expect(state.goal).toEqual({ homes: 2300, fromYear: 2016, toYear: 2026 });
    });

    it('once (alliance-founded-once)', () => {
      alliance
        .given([founded])
        .when({
          type: 'FoundAlliance',
          allianceId: 'hta',
          name: 'Hjem til Alle',
          goal: founded.data.goal,
        })
        .thenBreaks('alliance-founded-once');
    });

    it('with a goal counted in whole homes above zero', () => {
      alliance
        .given([])
        .when({
          type: 'FoundAlliance',
          allianceId: 'hta',
          name: 'HTA',
          goal: { homes: 0, fromYear: 2016, toYear: 2026 },
        })
        .thenInvalid('goal.homes', 'whole-number-above-zero');
    });

    it('with a time frame that does not end before it starts', () => {
      alliance
        .given([])
        .when({
          type: 'FoundAlliance',
          allianceId: 'hta',
          name: 'HTA',
          goal: { homes: 2300, fromYear: 2026, toYear: 2016 },
        })
        .thenInvalid('goal.toYear', 'period-ends-after-it-starts');
    });

    it('with principles drawn from the five partnership commitments', () => {
      alliance
        .given([])
        .when({
          type: 'FoundAlliance',
          allianceId: 'hta',
          name: 'HTA',
          goal: founded.data.goal,
          principles: ['housing-first', 'shelters-first' as never],
        })
        .thenInvalid('principles[1]', 'known-value');
    });

    it('with no principle listed twice', () => {
      alliance
        .given([])
        .when({
          type: 'FoundAlliance',
          allianceId: 'hta',
          name: 'HTA',
          goal: founded.data.goal,
          strategicEfforts: ['prevention', 'prevention'],
        })
        .thenInvalid('strategicEfforts', 'distinct-values');
    });

    it('with a name', () => {
      alliance
        .given([])
        .when({ type: 'FoundAlliance', allianceId: 'hta', name: '  ', goal: founded.data.goal })
        .thenInvalid('name', 'required');
    });

    it('on a date that exists', () => {
      alliance
        .given([])
        .when({
          type: 'FoundAlliance',
          allianceId: 'hta',
          name: 'HTA',
          goal: founded.data.goal,
          occurredAt: '2017-02-29',
        })
        .thenInvalid('occurredAt', 'iso-date');
    });

    it('under an id that can name a stream', () => {
      alliance
        .given([])
        .when({
          type: 'FoundAlliance',
          allianceId: 'hjem til alle',
          name: 'HTA',
          goal: founded.data.goal,
        })
        .thenInvalid('allianceId', 'id-format');
    });
  });

  describe('revises its goal', () => {
    it('with a reason, keeping the earlier goal in its history', () => {
      const state = alliance
        .given([founded])
        .when({
          type: 'ReviseAllianceGoal',
          allianceId: 'hta',
          goal: { homes: 2300, fromYear: 2016, toYear: 2027 },
          reason: 'The evaluation phrases the end goal as all young people housed in 2027',
          occurredAt: '2018-12-01',
        })
        .then([
          {
            type: 'AllianceGoalRevised',
            occurredAt: '2018-12-01T00:00:00.000Z',
            data: {
              allianceId: 'hta',
              previousGoal: { homes: 2300, fromYear: 2016, toYear: 2026 },
              goal: { homes: 2300, fromYear: 2016, toYear: 2027 },
              reason: 'The evaluation phrases the end goal as all young people housed in 2027',
            },
          },
        ]);
      expect(state.goal?.toYear).toBe(2027);
      expect(state.goalHistory).toHaveLength(1);
    });

    it('only with a reason', () => {
      alliance
        .given([founded])
        .when({
          type: 'ReviseAllianceGoal',
          allianceId: 'hta',
          goal: { homes: 2400, fromYear: 2016, toYear: 2026 },
          reason: '',
        })
        .thenInvalid('reason', 'required');
    });

    it('only when the goal changes (revision-must-change-something)', () => {
      alliance
        .given([founded])
        .when({
          type: 'ReviseAllianceGoal',
          allianceId: 'hta',
          goal: founded.data.goal,
          reason: 'no change',
        })
        .thenBreaks('revision-must-change-something');
    });

    it('only once founded', () => {
      alliance
        .given([])
        .when({
          type: 'ReviseAllianceGoal',
          allianceId: 'hta',
          goal: founded.data.goal,
          reason: 'r',
        })
        .thenNotFound('alliance', 'hta');
    });
  });

  it('lives in the stream alliance-<allianceId>', () => {
    expect(streamIdForAlliance('hta')).toBe('alliance-hta');
  });
});
